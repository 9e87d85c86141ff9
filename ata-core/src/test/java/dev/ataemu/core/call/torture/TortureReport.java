package dev.ataemu.core.call.torture;

import java.util.Collection;

/** The table "message -> answer" of one transport, with the counts that sum it up. */
final class TortureReport {

    private TortureReport() {
    }

    /** @param transport "UDP" or "TCP", perhaps followed by the network, as in "UDP on IPv6" */
    static String of(String transport, TortureRun.Result result) {
        Collection<Outcome> outcomes = result.outcomes().values();
        StringBuilder table = new StringBuilder("SIP torture over " + transport + ":\n");
        for (Outcome outcome : outcomes) {
            table.append(String.format("  %-46s %-8s -> %s", outcome.message.label(), outcome.message.kind(),
                    outcome.answers()));
            if (!outcome.changes.isEmpty()) {
                table.append("  [sent with ").append(String.join(", ", outcome.changes)).append(']');
            }
            TortureVerdict.accepted(transport.split(" ")[0], outcome.message.name())
                    .ifPresent(reason -> table.append("  (accepted: ").append(reason).append(')'));
            table.append('\n');
        }
        long answered400 = outcomes.stream().filter(Outcome::answered400).count();
        long dropped = outcomes.stream().filter(Outcome::dropped).count();
        table.append(String.format("  %s: %d messages sent, %d answered 400, %d answered otherwise, %d dropped;"
                + " answers to no message: %s%n", transport, outcomes.size(), answered400,
                outcomes.size() - answered400 - dropped, dropped, result.unattributed()));
        return table.toString();
    }
}
