package dev.ataemu.bench;

import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Soak: a fleet of HT502s on one-minute registrations takes SIPp's calls at RATE per second (each
 * held HOLD_MS, answered by the phones themselves, audio both ways) for MINUTES; once a minute the
 * fleet's live heap after a full collection, threads, open files and resident memory are printed,
 * with the registrations Kamailio holds, so that a leak shows as a trend.
 *
 * <pre>java -cp ata-benchmarks/target/ata-benchmarks.jar dev.ataemu.bench.FleetSoak DEVICES RATE MINUTES HOLD_MS</pre>
 */
public final class FleetSoak {

    private FleetSoak() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int holdMs = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        Path work = Files.createTempDirectory("fleet-soak-");
        Map<String, String> users = FleetAccounts.users(devices);
        Path calleesFile = FleetAccounts.callees(work.resolve("callees.csv"), devices);
        int calls = (int) Math.round(rate * 60 * minutes);
        System.out.printf("soak: %d HT502, one-minute registrations, %.1f calls/s held %d ms for %d min (%d calls), "
                + "%d cores%n", devices, rate, holdMs, minutes, calls, Runtime.getRuntime().availableProcessors());
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(users).authenticateInvites(false)
                .maxExpires(60).sharedMemoryMb(256).start();
             FleetProcess fleet = FleetProcess.start(work.resolve("data"), devices,
                     FleetProcess.with(FleetAccounts.settings(kamailio.hostPort()), "--answer-after", "100",
                             "--set", "P32=1", "--set", "P732=1"))) {
            while (FleetRegistrations.registered(kamailio) < 2 * devices) {
                if (!fleet.isAlive()) {
                    throw new IllegalStateException("the fleet exited: " + fleet.outputTail());
                }
                Thread.sleep(200);
            }
            long start = System.nanoTime();
            System.out.println("minute  heap-MiB  threads  open-files  RSS-MiB  registered  cpu-s");
            row(0, fleet, kamailio, start);
            try (SippRun load = Sipp.resource(work.resolve("sipp"), "/dev/ataemu/bench/bench-call.xml")
                    .remote(kamailio.hostPort()).calls(calls).rate(rate).callDuration(Duration.ofMillis(holdMs))
                    .timeout(Duration.ofMinutes(minutes + 5))
                    .extra("-inf", calleesFile.toString(), "-rtp_echo", "-fd", "10").start()) {
                for (int minute = 1; minute <= minutes; minute++) {
                    Thread.sleep(Math.max(0, start + minute * 60_000_000_000L - System.nanoTime()) / 1_000_000);
                    row(minute, fleet, kamailio, start);
                }
                SippResult result = load.awaitResult(Duration.ofMinutes(10));
                System.out.printf("calls: %d completed, %d failed of %d%n", result.successfulCalls(), result.failedCalls(),
                        calls);
                if (result.failedCalls() > 0) {
                    System.out.println(result.errorsText().lines().limit(10).reduce("", (a, b) -> a + "  " + b + "\n"));
                }
            }
            Thread.sleep(5000);
            row(minutes + 1, fleet, kamailio, start);
        }
    }

    private static void row(int minute, FleetProcess fleet, Kamailio kamailio, long start) throws Exception {
        Footprint footprint = fleet.footprint();
        System.out.printf("%6d  %8d  %7d  %10d  %7d  %10d  %5.0f%n", minute, footprint.heapUsedKb() / 1024,
                footprint.threads(), footprint.openFiles(), footprint.rssKb() / 1024, FleetRegistrations.registered(kamailio),
                ProcessCpu.ticks(fleet.pid()) / 100.0);
    }
}
