package dev.ataemu.core.clock;

import dev.ataemu.time.Scheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.TimeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the "NTP Server" (P30, {@code host[:port]}, TIME-01) for the time with commons-net's SNTP
 * client, off the device's scheduler, and corrects the device's clock by the difference. The
 * factory servers are the public NTP pool, which the emulator leaves alone: the host's clock is
 * kept right by its own NTP, and the device starts from it.
 */
public final class NtpSync {

    private static final Logger LOG = LoggerFactory.getLogger(NtpSync.class);
    private static final int NTP_PORT = 123;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ExecutorService QUERIES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ntp-query");
        thread.setDaemon(true);
        return thread;
    });

    private NtpSync() {
    }

    /** Whether {@code server} is the public pool the factory settings name. */
    static boolean publicPool(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("pool.ntp.org") || name.endsWith(".pool.ntp.org");
    }

    /** Queries {@code server}; a good answer corrects {@code clock} on {@code scheduler}. */
    public static void sync(String server, DeviceClock clock, Scheduler scheduler) {
        String text = server.strip();
        if (text.isEmpty()) {
            return;
        }
        java.util.Optional<dev.ataemu.core.net.HostPort> address = dev.ataemu.core.net.HostPort.parse(text, NTP_PORT);
        if (address.isEmpty()) {
            LOG.info("NTP server '{}' has no port number after ':'", text);
            return;
        }
        String host = address.get().host();
        int port = address.get().port();
        if (publicPool(host)) {
            LOG.debug("NTP server {} is the public pool; the host's clock stands", host);
            return;
        }
        QUERIES.execute(() -> {
            NTPUDPClient client = new NTPUDPClient();
            client.setDefaultTimeout(TIMEOUT);
            try {
                client.open();
                TimeInfo answer = client.getTime(InetAddress.getByName(host), port);
                answer.computeDetails();
                Long offset = answer.getOffset();
                if (offset == null) {
                    LOG.info("NTP server {} gave no usable time", host);
                    return;
                }
                // The offset is against the host's wall clock, which the device's base clock may have drifted from.
                java.time.Instant trueNow = java.time.Instant.ofEpochMilli(System.currentTimeMillis() + offset);
                long measured = System.nanoTime();
                scheduler.execute(() -> clock.correctTo(trueNow.plusNanos(System.nanoTime() - measured)));
                LOG.info("NTP server {}: the clock is corrected by {} ms", host, offset);
            } catch (IOException | RuntimeException e) {
                LOG.info("NTP server {} did not answer: {}", host, e.getMessage());
            } finally {
                client.close();
            }
        });
    }
}
