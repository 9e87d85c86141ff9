package dev.ataemu.core.call.torture;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether what came back for a message fits the RFC: a response is never answered; a valid
 * request gets a final answer of those its entry lists (never 400 unless the RFC allows it); an
 * invalid one gets 400, the answer the RFC names or a liberal reading's answer, or nothing.
 * Where jain-sip, below the device, reads a message otherwise than the RFC and the device cannot
 * see the difference, the deviation is accepted here, with the reason.
 */
final class TortureVerdict {

    private static final String ANY = "*";
    /** Accepted deviations by transport ("*" for both) and message name. */
    private static final Map<String, String> ACCEPTED = Map.of(
            ANY + ":multi01", "jain-sip keeps the first of each repeated single-value header (Call-ID, CSeq, From, To,"
                    + " Max-Forwards) without an error: the device is handed one well-formed INVITE",
            ANY + ":mcl01", "jain-sip keeps one of the conflicting Content-Lengths without an error: the device is"
                    + " handed a well-formed OPTIONS (over TCP the framing then breaks and jain-sip closes)",
            ANY + ":ipv6-bad", "jain-sip reads the unbracketed sip:2001:db8::10 as the reference [2001:db8::10]: the"
                    + " device is handed a well-formed REGISTER, which it answers as any other",
            "TCP:dblreq", "on a stream the trailing INVITE is a second message whose Content-Length leaves an octet"
                    + " over; jain-sip closes the connection on it before the REGISTER's answer is written");

    private TortureVerdict() {
    }

    /** The accepted deviation for this message over this transport, if there is one. */
    static Optional<String> accepted(String transport, String name) {
        return Optional.ofNullable(ACCEPTED.getOrDefault(transport + ":" + name, ACCEPTED.get(ANY + ":" + name)));
    }

    /** What is wrong with the outcome, if anything. */
    static Optional<String> violation(String transport, Outcome outcome) {
        TortureMessage message = outcome.message;
        if (accepted(transport, message.name()).isPresent()) {
            return Optional.empty();
        }
        if (message.kind() == TortureMessage.Kind.RESPONSE) {
            return outcome.dropped() ? Optional.empty() : Optional.of("a response was answered: " + outcome.answers());
        }
        Set<Integer> allowed = new HashSet<>(message.answers());
        if (message.kind() == TortureMessage.Kind.INVALID) {
            allowed.add(400);
        }
        Set<Integer> wrong = new HashSet<>(outcome.finals());
        wrong.removeAll(allowed);
        if (!wrong.isEmpty()) {
            return Optional.of("answered " + wrong + ", the RFC allows " + allowed + (message.kind()
                    == TortureMessage.Kind.INVALID ? " or silence" : ""));
        }
        if (message.kind() == TortureMessage.Kind.VALID && outcome.finals().isEmpty()) {
            return Optional.of("a valid request got no final answer: " + outcome.answers());
        }
        return Optional.empty();
    }
}
