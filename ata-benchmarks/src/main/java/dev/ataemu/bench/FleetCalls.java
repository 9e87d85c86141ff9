package dev.ataemu.bench;

import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The storms a PBX sees from a fleet, each beside the same storm made by SIPp alone, through one
 * Kamailio on loopback:
 * <ol>
 * <li>registrations: SIPp registers 2N users as fast as it can; the fleet's 2N accounts register
 *     as its N HT502s boot;</li>
 * <li>calls: SIPp places calls at RATE per second for SECONDS, each held HOLD_MS, to SIPp's own
 *     answering instance, then to the fleet's phones (which answer by themselves after 100 ms of
 *     ringing and send G.711 audio from answer to hang-up): completed and failed calls, and the
 *     fleet's CPU and heap per call, and how late its RTP packets were sent against their 20 ms grid.</li>
 * </ol>
 * <pre>java -cp ata-benchmarks/target/ata-benchmarks.jar dev.ataemu.bench.FleetCalls DEVICES RATE SECONDS HOLD_MS</pre>
 */
public final class FleetCalls {

    private FleetCalls() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int holdMs = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        int calls = (int) Math.round(rate * seconds);
        Path work = Files.createTempDirectory("fleet-calls-");
        System.out.printf("%d HT502 (%d accounts), %.0f calls/s for %d s held %d ms, %d cores%n", devices,
                2 * devices, rate, seconds, holdMs, Runtime.getRuntime().availableProcessors());

        Map<String, String> users = new LinkedHashMap<>(FleetAccounts.users(devices));
        StringBuilder sippUsers = new StringBuilder("SEQUENTIAL\n");
        StringBuilder sippCallees = new StringBuilder("SEQUENTIAL\n");
        for (int i = 1; i <= devices; i++) {
            for (String reference : new String[] {"3" + FleetAccounts.ext(i), "4" + FleetAccounts.ext(i)}) {
                // SIPp answers every challenge with the one name and password of -au and -ap.
                users.put(reference, "pw-reference");
                sippUsers.append(reference).append(";\n");
                sippCallees.append(reference).append(";\n");
            }
        }
        Path fleetCalleesFile = FleetAccounts.callees(work.resolve("fleet-callees.csv"), devices);
        Path sippUsersFile = Files.writeString(work.resolve("sipp-users.csv"), sippUsers);
        Path sippCalleesFile = Files.writeString(work.resolve("sipp-callees.csv"), sippCallees);

        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(users).authenticateInvites(false)
                .thirdPartyRegistrations(true)
                .sharedMemoryMb(512).start();
             SippRun answering = Sipp.answerer(work.resolve("sipp-uas"), Integer.MAX_VALUE)
                     .timeout(Duration.ofHours(1)).start()) {
            long started = System.nanoTime();
            SippResult registered = Sipp.resource(work.resolve("sipp-register"), "/dev/ataemu/bench/bench-register.xml")
                    .remote(kamailio.hostPort()).auth("reference", "pw-reference").key("contact_host", Sipp.HOST)
                    .key("contact_port", Integer.toString(answering.port())).calls(2 * devices).rate(5000)
                    .timeout(Duration.ofMinutes(5)).extra("-inf", sippUsersFile.toString(), "-l", "200").run();
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.out.printf("SIPp registered %d of %d users in %.2f s (%.0f/s, SIPp's start included)%n",
                    registered.successfulCalls(), 2 * devices, elapsed, registered.successfulCalls() / elapsed);

            report("SIPp to SIPp", callLoad(work.resolve("sipp-calls"), kamailio, sippCalleesFile, rate, calls, holdMs,
                    seconds), null, calls);

            long launched = System.nanoTime();
            try (FleetProcess fleet = FleetProcess.start(work.resolve("data"), devices,
                    FleetProcess.with(FleetAccounts.settings(kamailio.hostPort()), "--answer-after", "100"))) {
                int expected = 4 * devices;
                long firstSeen = 0;
                int seen;
                while ((seen = FleetRegistrations.registered(kamailio)) < expected) {
                    if (!fleet.isAlive()) {
                        throw new IllegalStateException("the fleet exited: " + fleet.outputTail());
                    }
                    if (seen > 2 * devices && firstSeen == 0) {
                        firstSeen = System.nanoTime();
                    }
                    Thread.sleep(50);
                }
                long all = System.nanoTime();
                System.out.printf("fleet: launch to %d accounts registered %.2f s, first to last %.2f s (%.0f/s)%n",
                        2 * devices, (all - launched) / 1e9, (all - firstSeen) / 1e9,
                        2 * devices / Math.max(0.001, (all - firstSeen) / 1e9));
                Thread.sleep(3000);
                fleet.sendTiming();
                long cpuBefore = ProcessCpu.ticks(fleet.pid());
                SippResult result = callLoad(work.resolve("fleet-calls"), kamailio, fleetCalleesFile, rate, calls, holdMs,
                        seconds);
                long cpuTicks = ProcessCpu.ticks(fleet.pid()) - cpuBefore;
                report("SIPp to the fleet", result, cpuTicks, calls);
                System.out.println("the fleet's RTP send timing during the calls: " + fleet.sendTiming());
                System.out.println("fleet after the calls: " + fleet.footprint().describe(devices));
            }
        }
    }

    private static SippResult callLoad(Path dir, Kamailio kamailio, Path callees, double rate, int calls, int holdMs,
            int seconds) throws InterruptedException {
        return Sipp.resource(dir, "/dev/ataemu/bench/bench-call.xml").remote(kamailio.hostPort())
                .calls(calls).rate(rate).callDuration(Duration.ofMillis(holdMs))
                .timeout(Duration.ofSeconds(seconds + 120)).extra("-inf", callees.toString(), "-rtp_echo", "-fd", "1").run();
    }

    /** The most calls up at once, from SIPp's statistics rows (one a second). */
    private static long peakConcurrent(SippResult result) {
        try {
            java.util.List<String> rows = Files.readAllLines(result.stats(), java.nio.charset.StandardCharsets.ISO_8859_1);
            int column = java.util.Arrays.asList(rows.get(0).split(";")).indexOf("CurrentCall");
            return rows.stream().skip(1).map(row -> row.split(";")).filter(cells -> cells.length > column)
                    .mapToLong(cells -> Long.parseLong(cells[column].trim())).max().orElse(0);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void report(String what, SippResult result, Long cpuTicks, int calls) {
        Map<String, String> stats = result.statistics();
        String cpu = cpuTicks == null ? "" : String.format(", fleet CPU %.1f ms per call", cpuTicks * 10.0 / calls);
        System.out.printf("%s: %d of %d calls completed, %d failed, at most %d at once, response time %s%s%n", what,
                result.successfulCalls(), calls, result.failedCalls(), peakConcurrent(result),
                stats.getOrDefault("ResponseTime1(C)", "?"), cpu);
        if (result.failedCalls() > 0) {
            System.out.println(result.errorsText().lines().limit(5).reduce("", (a, b) -> a + "  " + b + "\n"));
        }
    }
}
