package dev.ataemu.main;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.SystemParameters;
import dev.ataemu.ivr.IvrMenu;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.time.RealTimeScheduler;
import dev.ataemu.time.SchedulerThreads;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.fleet.FleetWeb;
import dev.ataemu.web.server.WebServer;
import dev.ataemu.web.server.WebServerException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --fleet N}: N devices of one model in this process, as {@link FleetPlan} lays them out,
 * each with its own folder, serial scheduler and web server, sharing the scheduler threads and the
 * media transport; the fleet's own
 * API ({@code /api/emulator/fleet}) at {@code --bind} and {@code --http-port}. Stops them all on
 * SIGTERM or Ctrl-C. The command-line servers (SSH, Telnet) and the console are single-device only.
 */
final class FleetRun {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRun.class);
    private static final int FLEET_PORT = 8080;
    /** How long past the model's boot time the start line waits for the device to be ready. */
    private static final long BOOT_WAIT_SECONDS = 60;

    private record Running(FleetPlan.Member member, RealTimeScheduler scheduler, Device device, WebServer web) {
    }

    private final RunOptions options;
    private final List<FleetPlan.Member> members;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Running> running = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    // Device tasks may wait on a disk or a DNS answer: more threads than cores keep the others going.
    private final SchedulerThreads threads = new SchedulerThreads("devices",
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    FleetRun(RunOptions options, List<FleetPlan.Member> members, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.members = members;
        this.out = out;
        this.err = err;
    }

    int runUntilStopped() {
        MediaTransport media = MediaTransport.forThisHost();
        CountDownLatch ready = new CountDownLatch(members.size());
        WebServer fleet;
        try {
            for (FleetPlan.Member member : members) {
                running.add(start(member, media, ready));
            }
            fleet = FleetWeb.server(new InetSocketAddress(options.bind(), options.httpPort().orElse(FLEET_PORT)),
                    () -> running.stream().map(r -> new FleetWeb.Member(r.member().index(), r.device(), r.web().uri()))
                            .toList(), Optional.of(media.pacer()));
            fleet.start();
        } catch (WebServerException | UncheckedIOException | IllegalArgumentException | RejectedChangesException e) {
            stopAll(media);
            err.println("ata-emulator: " + e.getMessage());
            err.flush();
            return e instanceof IllegalArgumentException ? AtaEmulator.EXIT_USAGE : AtaEmulator.EXIT_ENVIRONMENT;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopAll(media);
            out.println("fleet stopped");
            out.flush();
            stopped.countDown();
        }, "shutdown"));
        long bootWait = options.model().bootTime().toSeconds() + BOOT_WAIT_SECONDS;
        try {
            if (!ready.await(bootWait, TimeUnit.SECONDS)) {
                LOG.warn("{} of {} devices did not finish booting within {} s", ready.getCount(), members.size(),
                        bootWait);
            }
            for (Running r : running) {
                out.println("fleet " + r.member().index() + ": " + r.device().model().id() + " " + r.device().mac()
                        + "  web " + r.web().uri());
            }
            out.println("fleet of " + members.size() + " " + options.model().id() + "  api " + fleet.uri()
                    + "api/emulator/fleet");
            out.flush();
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private Running start(FleetPlan.Member member, MediaTransport media, CountDownLatch ready) throws WebServerException {
        DeviceFolder folder = DeviceFolder.locate(options.dataDir(), options.model(), Optional.of(member.mac()),
                new java.security.SecureRandom());
        RealTimeScheduler scheduler = threads.scheduler("device-" + member.mac().compact());
        Device device = Device.inFolder(folder, ParameterCatalog.builtIn(), scheduler);
        device.store().apply(member.settings());
        device.voiceMenu(new IvrMenu());
        options.answerAfter().ifPresent(after -> AnsweringPhones.attach(device, after));
        device.onPowerChange(state -> {
            if (state == PowerState.READY) {
                ready.countDown();
            }
        });
        device.media(media);
        device.network(member.address(), options.dns());
        // The device boots while its web server starts and the next devices are set up.
        device.powerOn();
        int port = member.webPort() != 0 ? member.webPort() : device.store().getInt(SystemParameters.HTTP_PORT);
        WebServer web = DeviceWeb.server(device, new InetSocketAddress(member.address(), port));
        try {
            web.start();
        } catch (WebServerException e) {
            device.powerOff();
            scheduler.close();
            throw e;
        }
        return new Running(member, scheduler, device, web);
    }

    private void stopAll(MediaTransport media) {
        List<Running> on = running.stream().filter(r -> r.device().power() != PowerState.OFF).toList();
        CountDownLatch off = new CountDownLatch(on.size());
        on.forEach(r -> {
            r.device().onPowerChange(state -> {
                if (state == PowerState.OFF) {
                    off.countDown();
                }
            });
            r.device().powerOff();
        });
        try {
            off.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.forEach(r -> {
            r.web().close();
            r.scheduler().close();
        });
        media.close();
        threads.close();
    }
}
