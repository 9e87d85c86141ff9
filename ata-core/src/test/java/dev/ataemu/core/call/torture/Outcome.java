package dev.ataemu.core.call.torture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What came back for one torture message over one transport. */
final class Outcome {

    final TortureMessage message;
    final List<String> changes;
    final List<Integer> statuses = new ArrayList<>();
    final List<SipResponse> responses = new ArrayList<>();
    /** The phone rang and the test cancelled the call. */
    boolean cancelled;
    /** The device closed the message's TCP connection. */
    boolean closed;
    /** An INVITE of this message got a provisional answer and no final one yet. */
    boolean pendingInvite;

    Outcome(TortureMessage message, List<String> changes) {
        this.message = message;
        this.changes = List.copyOf(changes);
    }

    /** The final answers, each once, in the order they came. */
    Set<Integer> finals() {
        return statuses.stream().filter(status -> status >= 200).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The value of {@code header} in the first final answer {@code status}, or "" without one. */
    String header(int status, String header) {
        return responses.stream().filter(response -> response.status() == status).findFirst()
                .flatMap(response -> response.header(header, header)).orElse("");
    }

    boolean dropped() {
        return statuses.isEmpty();
    }

    boolean answered400() {
        return finals().contains(400);
    }

    String answers() {
        String heard = statuses.isEmpty() ? "dropped"
                : statuses.stream().distinct().map(String::valueOf).collect(Collectors.joining(" "));
        return heard + (cancelled ? " (rang, cancelled)" : "") + (closed ? " (connection closed)" : "");
    }
}
