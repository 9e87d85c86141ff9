package dev.ataemu.core.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's wall clock: its time zone from the settings, and the correction its NTP server gives. */
class WallClockTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-15T18:00:00Z"));

    private Device device(Map<String, String> settings) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(), new Random(9)),
                ParameterCatalog.builtIn(), scheduler);
        device.store().apply(settings);
        scheduler.runPending();
        return device;
    }

    @Test
    @DisplayName("TIME-02 TIME-04 TIME-07 the factory zone (P64 customize, P246 MTZ+6MDT+5) puts the device six hours "
            + "behind UTC in January; P64 EST5EDT five, P64 Europe/Berlin one ahead; a change applies at once")
    void timeZones() {
        Device device = device(Map.of());
        assertThat(LocalDateTime.now(device.wallClock())).isEqualTo(LocalDateTime.parse("2026-01-15T12:00:00"));
        device.store().apply(Map.of("P64", "EST5EDT"));
        assertThat(LocalDateTime.now(device.wallClock())).isEqualTo(LocalDateTime.parse("2026-01-15T13:00:00"));
        device.store().apply(Map.of("P64", "Europe/Berlin"));
        assertThat(LocalDateTime.now(device.wallClock())).isEqualTo(LocalDateTime.parse("2026-01-15T19:00:00"));
    }

    @Test
    @DisplayName("TIME-01 at boot the device asks its NTP server (P30) and shows its time: a server an hour ahead of "
            + "the host puts the device's clock an hour ahead of the host's; the public pool is left alone")
    void ntp() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread responder = new Thread(() -> answerOnce(server, Duration.ofHours(1)));
            responder.start();
            Device device = device(Map.of("P30", "127.0.0.1:" + server.getLocalPort(), "P64", "GMT0"));
            device.network(InetAddress.getLoopbackAddress());
            device.powerOn();
            scheduler.advance(Duration.ofSeconds(3));
            responder.join(5000);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (device.wallClock().instant().isBefore(scheduler.clock().instant().plusSeconds(3000))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                scheduler.runPending();
            }
            // The device now shows the server's time: the host's real time and an hour.
            Duration ahead = Duration.between(Instant.now(), device.wallClock().instant());
            assertThat(ahead).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        }
        assertThat(NtpSync.publicPool("us.pool.ntp.org")).isTrue();
        assertThat(NtpSync.publicPool("ntp.example.net")).isFalse();
    }

    /** An NTP server whose clock is {@code ahead} of the host's: one answer, then done. */
    private static void answerOnce(DatagramSocket server, Duration ahead) {
        try {
            DatagramPacket request = new DatagramPacket(new byte[48], 48);
            server.setSoTimeout(5000);
            server.receive(request);
            NtpV3Packet asked = new NtpV3Impl();
            asked.setDatagramPacket(request);
            NtpV3Impl answer = new NtpV3Impl();
            answer.setMode(NtpV3Packet.MODE_SERVER);
            answer.setVersion(NtpV3Packet.VERSION_3);
            answer.setStratum(1);
            answer.setOriginateTimeStamp(asked.getTransmitTimeStamp());
            TimeStamp now = TimeStamp.getNtpTime(System.currentTimeMillis() + ahead.toMillis());
            answer.setReceiveTimeStamp(now);
            answer.setReferenceTime(now);
            answer.setTransmitTime(now);
            DatagramPacket reply = answer.getDatagramPacket();
            reply.setSocketAddress(request.getSocketAddress());
            server.send(reply);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
