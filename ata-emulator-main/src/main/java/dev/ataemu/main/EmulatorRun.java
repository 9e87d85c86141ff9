package dev.ataemu.main;

import dev.ataemu.core.account.AccountParameters;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.ivr.IvrMenu;
import dev.ataemu.media.rtp.MediaTransport;
import dev.ataemu.time.RealTimeScheduler;
import dev.ataemu.web.server.WebServerException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of the emulator: boots the device, serves it, and takes it down on SIGTERM or Ctrl-C. */
final class EmulatorRun {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorRun.class);
    /** How long past the model's boot time the start line waits for the device to be ready. */
    private static final long BOOT_WAIT_SECONDS = 30;

    private final RunOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CountDownLatch stopped = new CountDownLatch(1);

    EmulatorRun(RunOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int runUntilStopped() {
        DeviceFolder folder;
        try {
            folder = DeviceFolder.locate(options.dataDir(), options.model(), options.mac(), new SecureRandom());
        } catch (IllegalArgumentException e) {
            return fail(AtaEmulator.EXIT_USAGE, e.getMessage());
        } catch (UncheckedIOException e) {
            return fail(AtaEmulator.EXIT_ENVIRONMENT, e.getMessage());
        }
        RealTimeScheduler scheduler = new RealTimeScheduler("device-" + folder.mac().compact());
        Device device;
        try {
            device = Device.inFolder(folder, ParameterCatalog.builtIn(), scheduler);
            device.store().apply(options.settings());
            device.voiceMenu(new IvrMenu());
            options.answerAfter().ifPresent(after -> AnsweringPhones.attach(device, after));
        } catch (UncheckedIOException e) {
            scheduler.close();
            return fail(AtaEmulator.EXIT_ENVIRONMENT, e.getMessage());
        }

        WebServing web = new WebServing(device, options, out);
        ShellServing shells = new ShellServing(device, options, folder.path().resolve("ssh_host_key"), err);
        CountDownLatch ready = new CountDownLatch(1);
        device.onPowerChange(state -> {
            if (state == PowerState.READY) {
                if (ready.getCount() == 0) {
                    web.follow();
                }
                shells.follow();
                ready.countDown();
            }
        });
        MediaTransport media = MediaTransport.forThisHost();
        device.media(media);
        device.network(options.bind().isAnyLocalAddress() ? HostAddresses.primaryIpv4() : options.bind(), options.dns());
        // The web server starts while the device boots: the process is ready the sooner.
        device.powerOn();
        try {
            web.start();
        } catch (WebServerException e) {
            device.powerOff();
            media.close();
            scheduler.close();
            return fail(AtaEmulator.EXIT_ENVIRONMENT, e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shells.close();
            shutDown(device, web, scheduler, media);
        }, "shutdown"));
        long bootWait = options.model().bootTime().toSeconds() + BOOT_WAIT_SECONDS;
        try {
            if (!ready.await(bootWait, TimeUnit.SECONDS)) {
                LOG.warn("{} did not finish booting within {} s", device.mac(), bootWait);
            }
            out.println(startLine(device, web.web().uri(), folder) + web.web().httpsPort().stream()
                    .mapToObj(port -> "  https port " + port).findFirst().orElse("") + shells.describe());
            HostAudio audio = new HostAudio();
            if (options.audio()) {
                audio.connect(device.handset(1), err);
            }
            startConsole(device);
            stopped.await();
            audio.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void startConsole(Device device) {
        Console console = new Console(device, out);
        Thread reader = new Thread(() -> console.run(new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8))), "console");
        reader.setDaemon(true);
        reader.start();
    }

    private void shutDown(Device device, WebServing web, RealTimeScheduler scheduler, MediaTransport media) {
        LOG.info("{} {} shutting down", device.model().id(), device.mac());
        CountDownLatch off = new CountDownLatch(1);
        device.onPowerChange(state -> {
            if (state == PowerState.OFF) {
                off.countDown();
            }
        });
        device.powerOff();
        try {
            off.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.close();
        media.close();
        scheduler.close();
        out.println(device.model().id() + " " + device.mac() + " stopped");
        stopped.countDown();
    }

    static String startLine(Device device, URI web, DeviceFolder folder) {
        String sipPorts = device.model().ports().stream()
                .map(port -> device.store().get(AccountParameters.of(port.index()).localSipPort()) + " (" + port.label() + ")")
                .collect(Collectors.joining(", "));
        return device.model().id() + " " + device.mac() + "  web " + web + "  SIP " + sipPorts
                + "  data " + folder.path();
    }

    private int fail(int exitCode, String message) {
        err.println("ata-emulator: " + message);
        return exitCode;
    }
}
