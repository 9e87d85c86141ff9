package dev.ataemu.bench;

import dev.ataemu.testing.peers.Kamailio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fleet of HT502s (two accounts each, digest authentication) registering with Kamailio on
 * loopback: the time from process launch to every account registered, the heap, threads and
 * resident memory of the idle registered fleet, and optionally whether every account stays
 * registered through two refresh cycles (one-minute registrations).
 *
 * <pre>java -cp ata-benchmarks/target/ata-benchmarks.jar dev.ataemu.bench.FleetRegistrations DEVICES [RUNS] [--refresh]
 *     [--reboot] [--boot-time MS]</pre>
 * (the emulator's jar is ata-emulator-main/target/ata-emulator.jar; run from the repository's root)
 */
public final class FleetRegistrations {

    private static final Pattern REGISTERED = Pattern.compile("registered_users = (\\d+)");
    private static final Pattern ACCEPTED = Pattern.compile("accepted_regs = (\\d+)");
    private static final long REFRESH_WATCH_MS = 150_000;

    private FleetRegistrations() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean refresh = List.of(args).contains("--refresh");
        boolean reboot = List.of(args).contains("--reboot");
        int bootTime = List.of(args).indexOf("--boot-time");
        List<String> emulatorOptions = bootTime < 0 ? List.of() : List.of("--boot-time", args[bootTime + 1]);
        Path work = Files.createTempDirectory("fleet-bench-");
        System.out.printf("%d HT502 (%d accounts), %d runs, %d cores%n", devices, 2 * devices, runs,
                Runtime.getRuntime().availableProcessors());
        List<Double> startUps = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            startUps.add(run(work.resolve("run-" + run), devices, refresh && run == runs, reboot, emulatorOptions));
        }
        System.out.printf("start-up to all registered: median %.2f s of %s%n", Stats.median(startUps), startUps);
    }

    private static double run(Path dir, int devices, boolean watchRefresh, boolean reboot, List<String> emulatorOptions)
            throws Exception {
        Map<String, String> users = FleetAccounts.users(devices);
        try (Kamailio kamailio = Kamailio.builder(dir.resolve("kamailio")).users(users).maxExpires(60)
                .sharedMemoryMb(256).start()) {
            long launched = System.nanoTime();
            try (FleetProcess fleet = FleetProcess.start(dir.resolve("data"), devices,
                    FleetProcess.with(emulatorOptions, FleetProcess.with(FleetAccounts.settings(kamailio.hostPort()), "--set",
                            "P32=1", "--set", "P732=1")))) {
                long firstSeen = 0;
                int registered = 0;
                while (registered < 2 * devices) {
                    if (!fleet.isAlive()) {
                        throw new IllegalStateException("the fleet exited: " + fleet.outputTail());
                    }
                    if (System.nanoTime() - launched > 600_000_000_000L) {
                        throw new IllegalStateException(registered + " of " + 2 * devices + " registered after 10 min");
                    }
                    Thread.sleep(50);
                    registered = registered(kamailio);
                    if (registered > 0 && firstSeen == 0) {
                        firstSeen = System.nanoTime();
                    }
                }
                long all = System.nanoTime();
                double startUp = (all - launched) / 1e9;
                double storm = (all - firstSeen) / 1e9;
                System.out.printf("launch to %d registered: %.2f s; first to last registration %s%n", 2 * devices,
                        startUp, storm < 0.1 ? "within one look (50 ms)"
                                : String.format("%.2f s (%.0f/s)", storm, 2 * devices / storm));
                Thread.sleep(5000);
                System.out.println("idle fleet: " + fleet.footprint().describe(devices));
                if (reboot) {
                    MassReboot.measure(fleet, devices, () -> statistic(kamailio, "accepted_regs", ACCEPTED));
                }
                if (watchRefresh) {
                    int lowest = Integer.MAX_VALUE;
                    long acceptedBefore = statistic(kamailio, "accepted_regs", ACCEPTED);
                    long end = System.currentTimeMillis() + REFRESH_WATCH_MS;
                    while (System.currentTimeMillis() < end) {
                        lowest = Math.min(lowest, registered(kamailio));
                        Thread.sleep(1000);
                    }
                    long refreshes = statistic(kamailio, "accepted_regs", ACCEPTED) - acceptedBefore;
                    System.out.printf("through %d s of one-minute registrations: %d refreshes accepted (%.1f per account), "
                            + "fewest registered %d of %d%n", REFRESH_WATCH_MS / 1000, refreshes,
                            (double) refreshes / (2 * devices), lowest, 2 * devices);
                }
                return startUp;
            }
        }
    }

    static int registered(Kamailio kamailio) {
        return (int) statistic(kamailio, "registered_users", REGISTERED);
    }

    private static long statistic(Kamailio kamailio, String name, Pattern value) {
        Matcher count = value.matcher(kamailio.kamcmd("stats.get_statistics", name));
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }
}
