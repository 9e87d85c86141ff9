package dev.ataemu.core.provision;

import dev.ataemu.core.config.ConfigFiles;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.time.Scheduler;
import java.io.IOException;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisioning and firmware upgrade from servers (PROV-*): at boot, and then on the "Automatic
 * Upgrade" schedule, a pass fetches the model's configuration files from the config server and
 * applies each through the store (a bad one changes nothing), follows a file that moves the config
 * server, then fetches the firmware image when the check policy asks for it and flashes it when it
 * is another version. Downloads block, so they run on a shared pool; everything else runs on the
 * device's scheduler. Grandstream's own servers, where the factory settings point, are never
 * contacted: the emulator reports them as skipped.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final int MAX_REDIRECTS = 3;
    private static final String NOT_FOUND = "not found";
    /** The longest a pass may take before the device goes on without it. */
    static final Duration PASS_LIMIT = Duration.ofMinutes(3);
    private static final ExecutorService DOWNLOADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "provisioning-download");
        thread.setDaemon(true);
        return thread;
    });

    private final ProvisionedDevice device;
    private final ParameterStore store;
    private final Scheduler scheduler;
    private volatile ProvisionStatus status = ProvisionStatus.NEVER_RUN;
    private boolean running;
    /** Counts the device's shutdowns: what a pass from before one finds when its download ends is dropped. */
    private long generation;
    private Scheduler.Timer nextCheck;
    /** The firmware prefix and postfix of the last firmware check (P238 "only when pre/suffix changes"). */
    private String checkedAffixes;

    private record Download(String name, URI uri, byte[] content, String error) {
    }

    public Provisioner(ProvisionedDevice device) {
        this.device = device;
        this.store = device.store();
        this.scheduler = device.scheduler();
    }

    public ProvisionStatus status() {
        return status;
    }

    /** The pass at boot; {@code done} runs after it (the device then starts its accounts), then the schedule starts. */
    public void atBoot(Runnable done) {
        pass(() -> {
            done.run();
            scheduleNext();
        });
    }

    /** The device shuts down: the schedule stops, and a pass under way ends without effect. */
    public void stop() {
        generation++;
        running = false;
        if (nextCheck != null) {
            nextCheck.cancel();
            nextCheck = null;
        }
        if (status.running()) {
            status = new ProvisionStatus(false, status.last());
        }
    }

    private void scheduleNext() {
        if (nextCheck != null) {
            nextCheck.cancel();
        }
        ZonedDateTime now = ZonedDateTime.now(device.wallClock());
        Optional<Duration> wait = UpgradeSchedule.untilNext(store, now);
        nextCheck = wait.map(delay -> scheduler.schedule(delay, () -> pass(this::scheduleNext))).orElse(null);
        wait.ifPresent(delay -> LOG.debug("{}: next provisioning check in {}", device.mac(), delay));
    }

    private void pass(Runnable after) {
        if (running) {
            // A check that comes while a pass is still running is that pass: what follows still follows.
            after.run();
            return;
        }
        running = true;
        long mine = generation;
        // A server that never finishes sending must not keep the device from starting its accounts.
        Scheduler.Timer watchdog = scheduler.schedule(PASS_LIMIT, () -> {
            if (running && mine == generation) {
                generation++;
                running = false;
                report(false, status.last() + "; gave up after " + PASS_LIMIT.toSeconds() + " s");
                after.run();
            }
        });
        config(0, mine, () -> firmware(mine, () -> {
            watchdog.cancel();
            running = false;
            report(false, status.last());
            after.run();
        }));
    }

    // --- configuration files -------------------------------------------------------------------

    private void config(int redirects, long mine, Runnable then) {
        ProvisioningSettings settings = ProvisioningSettings.read(store);
        Optional<ServerPath> server = settings.configServer();
        if (server.isEmpty()) {
            then.run();
            return;
        }
        if (server.get().grandstreamServer()) {
            report(true, "Config server " + server.get().host() + " is Grandstream's own; the emulator does not contact it.");
            then.run();
            return;
        }
        ConfigRequests names = ConfigRequests.of(device.modelId(), device.mac(), settings.configPrefix(),
                settings.configPostfix());
        FileFetcher fetcher = fetcher(settings.protocol());
        report(true, "Downloading file from url.");
        DOWNLOADS.execute(() -> {
            List<Download> got = new ArrayList<>();
            got.add(download(fetcher, server.get(), settings, names.first()));
            Download second = download(fetcher, server.get(), settings, names.second());
            got.add(second);
            if (!names.fallback().isEmpty() && second.content() == null) {
                got.add(download(fetcher, server.get(), settings, names.fallback()));
            }
            scheduler.execute(() -> {
                if (mine == generation) {
                    applyConfig(got, redirects, mine, then);
                }
            });
        });
    }

    private void applyConfig(List<Download> got, int redirects, long mine, Runnable then) {
        String serverBefore = store.getOrEmpty(ProvisioningSettings.CONFIG_SERVER);
        List<String> outcomes = new ArrayList<>();
        for (Download download : got) {
            if (download.content() == null) {
                continue;
            }
            try {
                ConfigFiles.Applied applied = ConfigFiles.apply(store, download.content(), device.mac());
                outcomes.add(download.name() + " applied (" + applied.changes().changes().size() + " changed)");
                device.log(false, "Config file " + download.uri() + " applied");
                LOG.info("{}: config file {} applied, {} P-values changed", device.mac(), download.uri(),
                        applied.changes().changes().size());
            } catch (RuntimeException refused) {
                outcomes.add(download.name() + " refused: " + refused.getMessage());
                device.log(true, "Config file " + download.uri() + " refused: " + refused.getMessage());
                LOG.warn("{}: config file {} refused, nothing changed: {}", device.mac(), download.uri(), refused.getMessage());
            }
        }
        if (outcomes.isEmpty()) {
            // A server that failed (500, stalled) says more than the names it simply does not have.
            Download telling = got.stream().filter(download -> !NOT_FOUND.equals(download.error())).findFirst()
                    .orElse(got.get(0));
            outcomes.add("No config file downloaded from " + telling.uri().resolve(".") + " (" + telling.error() + ")");
        }
        report(true, String.join("; ", outcomes));
        String serverAfter = store.getOrEmpty(ProvisioningSettings.CONFIG_SERVER);
        if (!serverAfter.equals(serverBefore) && redirects < MAX_REDIRECTS) {
            LOG.info("{}: Config server changed. Redirecting to {}", device.mac(), serverAfter);
            config(redirects + 1, mine, then);
            return;
        }
        then.run();
    }

    // --- firmware ------------------------------------------------------------------------------

    private void firmware(long mine, Runnable then) {
        ProvisioningSettings settings = ProvisioningSettings.read(store);
        Optional<ServerPath> server = settings.firmwareServer();
        String affixes = settings.firmwarePrefix() + "|" + settings.firmwarePostfix();
        if (server.isEmpty() || settings.firmwareCheck() == ProvisioningSettings.FirmwareCheck.NEVER
                || (settings.firmwareCheck() == ProvisioningSettings.FirmwareCheck.WHEN_AFFIXES_CHANGE
                        && affixes.equals(checkedAffixes))) {
            then.run();
            return;
        }
        if (server.get().grandstreamServer()) {
            then.run();
            return;
        }
        String file = settings.firmwarePrefix() + FirmwareImage.fileName(device.modelId()) + settings.firmwarePostfix();
        FileFetcher fetcher = fetcher(settings.protocol());
        DOWNLOADS.execute(() -> {
            Download image = download(fetcher, server.get(), settings, file);
            scheduler.execute(() -> {
                if (mine == generation) {
                    // A server that answered (with an image, or that it has none) checked these affixes;
                    // one that could not be reached is asked again next time.
                    if (image.content() != null || NOT_FOUND.equals(image.error())) {
                        checkedAffixes = affixes;
                    }
                    firmwareDownloaded(image, then);
                }
            });
        });
    }

    private void firmwareDownloaded(Download download, Runnable then) {
        if (download.content() == null) {
            report(true, status.last() + "; no firmware image at " + download.uri() + " (" + download.error() + ")");
            then.run();
            return;
        }
        FirmwareImage image;
        try {
            image = FirmwareImage.decode(download.content());
        } catch (IllegalArgumentException damaged) {
            LOG.warn("{}: firmware image {} refused: {}", device.mac(), download.uri(), damaged.getMessage());
            report(true, status.last() + "; firmware image refused: " + damaged.getMessage());
            device.log(true, "Firmware image " + download.uri() + " refused: " + damaged.getMessage());
            then.run();
            return;
        }
        if (!image.model().equals(device.modelId())) {
            report(true, status.last() + "; firmware image refused: it is for an " + image.model());
            then.run();
            return;
        }
        if (image.program().equals(device.programVersion())) {
            report(true, status.last() + "; firmware " + image.program() + " is the one running");
            then.run();
            return;
        }
        LOG.info("{}: upgrading from {} to {} ({})", device.mac(), device.programVersion(), image.program(), download.uri());
        device.log(false, "Upgrading firmware from " + device.programVersion() + " to " + image.program());
        running = false;
        report(false, status.last() + "; upgrading firmware to " + image.program() + " from " + download.uri());
        device.upgrade(image, notWritten -> {
            report(false, status.last() + "; the image could not be written: " + notWritten);
            then.run();
        });
    }

    // --- downloads -----------------------------------------------------------------------------

    private FileFetcher fetcher(Protocol protocol) {
        return switch (protocol) {
            case TFTP -> new TftpFetcher();
            case HTTP, HTTPS -> new HttpFetcher(userAgent());
            case FTP -> new FtpFetcher(false);
            case FTPS -> new FtpFetcher(true);
        };
    }

    /** The provisioning client's User-Agent, in the form the HT8xx firmware sends (INTERFACES 3.3). */
    String userAgent() {
        return "Grandstream Model HW " + device.modelId() + " V1.0A SW " + device.programVersion() + " DevId "
                + device.mac();
    }

    private static Download download(FileFetcher fetcher, ServerPath server, ProvisioningSettings settings, String file) {
        URI uri;
        try {
            uri = server.uri(settings.protocol(), file);
        } catch (IllegalArgumentException e) {
            // A path the store took that is still no URL (192.168.1.300): nothing to fetch there.
            return new Download(file, URI.create("unusable:" + file), null, "not a usable server path: " + e.getMessage());
        }
        try {
            byte[] content = fetcher.fetch(uri, settings.credentials());
            LOG.debug("fetched {} ({} bytes)", uri, content.length);
            return new Download(file, uri, content, "");
        } catch (NoSuchFileException missing) {
            LOG.debug("no {} on the server", uri);
            return new Download(file, uri, null, NOT_FOUND);
        } catch (IOException | RuntimeException | OutOfMemoryError failed) {
            String reason = reason(failed, uri);
            LOG.info("cannot fetch {}: {}", uri, reason);
            return new Download(file, uri, null, reason);
        }
    }

    /** Why a download failed, in words: the JDK's HTTP client says nothing of a name that does not resolve. */
    private static String reason(Throwable failed, URI uri) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.UnknownHostException || cause instanceof java.nio.channels.UnresolvedAddressException) {
                return uri.getHost() + " does not resolve";
            }
        }
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return failed.getClass().getSimpleName();
    }

    private void report(boolean nowRunning, String last) {
        status = new ProvisionStatus(nowRunning, last);
    }
}
