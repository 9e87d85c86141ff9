package dev.ataemu.core.call.torture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds the torture messages to the device one after the other, waits for what each brings back
 * (a quiet spell ends the wait; a ringing phone is cancelled and its final answer acknowledged), and
 * records per message what came. Answers that come late are still put down to their message, by
 * the branch the device echoes, or else by the Call-ID.
 */
final class TortureRun {

    /** How long a message without any answer is waited for; generous for a loaded machine. */
    private static final long QUIET_MS = 700;
    /** How long to stay after a final answer, for a second one. */
    private static final long SETTLE_MS = 120;
    /** How long a ringing call is given to answer its CANCEL. */
    private static final long CANCEL_MS = 4_000;
    /** How long the end of the run waits at most for answers still owed. */
    private static final long OWED_MS = 10_000;
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:Call-ID|i)[ \\t]*:[ \\t]*(\\S+)");

    private final TorturePeer peer;
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Map<String, String> requestUris = new HashMap<>();
    private final Map<String, String> callIds = new HashMap<>();
    private final List<Integer> unattributed = new ArrayList<>();

    /** The outcome of every message by name, and the answers that could not be put down to one. */
    record Result(Map<String, Outcome> outcomes, List<Integer> unattributed) {
    }

    private TortureRun(TorturePeer peer) {
        this.peer = peer;
    }

    /** Every message of {@code messages} through {@code peer}, in their order. */
    static Result feed(TorturePeer peer, List<TortureMessage> messages) throws IOException {
        TortureRun run = new TortureRun(peer);
        for (TortureMessage message : messages) {
            run.feed(message);
        }
        run.sweep();
        return new Result(run.outcomes, run.unattributed);
    }

    private void feed(TortureMessage message) throws IOException {
        WireForm.Adapted wire = WireForm.adapt(message, peer.transport());
        Outcome outcome = new Outcome(message, wire.changes());
        outcomes.put(message.name(), outcome);
        String text = new String(wire.bytes(), StandardCharsets.ISO_8859_1);
        String[] requestLine = text.split("\\s+", 3);
        requestUris.put(message.name(), requestLine.length > 1 ? requestLine[1] : "");
        Matcher callId = CALL_ID.matcher(text);
        while (callId.find()) {
            callIds.merge(callId.group(1), message.name(), (first, second) -> first.equals(second) ? first : "");
        }
        peer.send(message.name(), wire.bytes());
        long quietUntil = now() + QUIET_MS;
        while (now() < quietUntil) {
            Optional<TorturePeer.Received> received = peer.poll(quietUntil - now());
            if (received.isEmpty()) {
                continue;
            }
            Optional<Outcome> to = attribute(received.get(), message.name());
            take(to, received.get().response());
            if (to.orElse(null) == outcome) {
                long wait = outcome.pendingInvite ? CANCEL_MS : outcome.finals().isEmpty() ? QUIET_MS : SETTLE_MS;
                quietUntil = now() + wait;
            }
        }
        outcome.closed = peer.closedByDevice(message.name());
    }

    /**
     * Waits for what is still on its way: a quiet spell at least, and on a slow machine until every
     * ringing call is cancelled and every valid request has its final answer, within a limit.
     */
    private void sweep() throws IOException {
        long quiet = now() + QUIET_MS;
        long limit = now() + OWED_MS;
        while (now() < quiet || owed() && now() < limit) {
            Optional<TorturePeer.Received> received = peer.poll(50);
            received.ifPresent(r -> take(attribute(r, ""), r.response()));
        }
        outcomes.values().forEach(o -> o.closed = peer.closedByDevice(o.message.name()));
    }

    private boolean owed() {
        return outcomes.values().stream().anyMatch(o -> o.pendingInvite
                || o.message.kind() == TortureMessage.Kind.VALID && o.finals().isEmpty() && !o.closed
                && !peer.closedByDevice(o.message.name()));
    }

    /** The message an answer belongs to: by connection, by the branch it echoes, by its Call-ID. */
    private Optional<Outcome> attribute(TorturePeer.Received received, String current) {
        if (received.message().isPresent()) {
            return Optional.of(outcomes.get(received.message().get()));
        }
        SipResponse response = received.response();
        String branch = response.branch();
        int dot = branch.lastIndexOf('.');
        if (dot > 0 && outcomes.containsKey(branch.substring(dot + 1))) {
            return Optional.of(outcomes.get(branch.substring(dot + 1)));
        }
        String byCallId = callIds.getOrDefault(response.callId(), "");
        if (!byCallId.isEmpty()) {
            return Optional.of(outcomes.get(byCallId));
        }
        Outcome sent = outcomes.get(current);
        boolean sameCall = sent != null && new String(sent.message.bytes(), StandardCharsets.ISO_8859_1)
                .contains(response.callId());
        return sameCall ? Optional.of(sent) : Optional.empty();
    }

    /** Records an answer and does what a caller does about it: cancel a ringing call, acknowledge a refusal. */
    private void take(Optional<Outcome> to, SipResponse response) {
        if (to.isEmpty()) {
            unattributed.add(response.status());
            return;
        }
        Outcome outcome = to.get();
        if ("CANCEL".equals(response.method())) {
            return; // the answer to the test's own CANCEL says nothing of the torture message
        }
        outcome.statuses.add(response.status());
        outcome.responses.add(response);
        if (!"INVITE".equals(response.method())) {
            return;
        }
        String name = outcome.message.name();
        String requestUri = requestUris.getOrDefault(name, "");
        try {
            if (response.status() > 100 && response.status() < 200) {
                outcome.pendingInvite = true;
                if (!outcome.cancelled) {
                    outcome.cancelled = true;
                    peer.reply(name, CallCleanup.cancel(requestUri, response));
                }
            } else if (response.isFinal()) {
                outcome.pendingInvite = false;
                if (response.status() >= 300) {
                    peer.reply(name, CallCleanup.ack(requestUri, response));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
