package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.fault.ScriptedRegistrar.Reply;
import dev.ataemu.testing.http.HttpFileServer;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning, NTP and syslog servers whose names do not resolve (the reserved {@code .invalid}
 * domain, RFC 2606): the device boots and runs, says why where it has a status, and its schedule
 * goes on, so that a server it can reach later is used without a reboot.
 */
class ServerNameFaultTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("PROV-22 PROV-31 PROV-11 a config server name that does not resolve: the pass ends with the reason, the "
            + "account registers all the same, and the next scheduled check uses the server it is given meanwhile")
    void provisioningServer() throws Exception {
        try (ScriptedRegistrar registrar = new ScriptedRegistrar(); HttpFileServer server = new HttpFileServer()) {
            registrar.answer(Reply.of(200, "OK"));
            Device device = VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P212", "1",
                    "P237", "prov.fault.invalid/cfg", "P22296", "1", "P193", "30", "P47", "127.0.0.1:" + registrar.port(),
                    "P35", "1001", "P40", Integer.toString(freeUdpPort()), "P401", "0", "P3", "Kept"));
            VirtualTime.booted(device, scheduler);
            VirtualTime.settle(scheduler, LIMIT, () -> !device.provisioning().running());

            assertThat(device.provisioning().last()).startsWith("No config file downloaded from http://prov.fault.invalid/cfg/")
                    .doesNotContain("(null)");
            assertThat(VirtualTime.await(scheduler, LIMIT, () -> device.status().ports().get(0).registration()
                    == RegistrationState.REGISTERED)).as("the account starts after the failed pass").isTrue();
            assertThat(device.store().get(3)).isEqualTo("Kept");
            System.out.println("name fault, config server: " + device.provisioning().last());

            String mac = device.mac().compact();
            server.put("/cfg/cfg" + mac + ".xml", "<?xml version=\"1.0\"?><gs_provision version=\"1\"><mac>" + mac
                    + "</mac><config version=\"1\"><P3>Provisioned Later</P3></config></gs_provision>");
            device.store().apply(Map.of("P237", server.path("cfg")));
            scheduler.advance(Duration.ofMinutes(30));
            VirtualTime.settle(scheduler, LIMIT, () -> device.store().get(3).equals("Provisioned Later"));
            assertThat(device.store().get(3)).isEqualTo("Provisioned Later");
            device.powerOff();
            scheduler.runPending();
        }
    }

    @Test
    @DisplayName("TIME-01 an NTP server name that does not resolve: the device runs on its own clock; the hourly check "
            + "goes on and sets the time from the server it is given meanwhile")
    void ntpServer() throws Exception {
        try (TestNtp ntp = new TestNtp(Duration.ofHours(1))) {
            Device device = VirtualTime.booted(VirtualTime.unpowered(dataDir, DeviceModels.HT502, scheduler,
                    Map.of("P30", "ntp.fault.invalid", "P64", "GMT0")), scheduler);
            VirtualTime.await(scheduler, Duration.ofSeconds(1), () -> false);
            assertThat(device.power()).isEqualTo(PowerState.READY);
            assertThat(device.wallClock().instant()).as("its own clock: no correction")
                    .isEqualTo(scheduler.clock().instant());

            device.store().apply(Map.of("P30", ntp.hostPort()));
            scheduler.advance(Duration.ofHours(1));
            VirtualTime.await(scheduler, LIMIT, () -> ntp.answered() == 1
                    && device.wallClock().instant().isAfter(Instant.now().plus(Duration.ofMinutes(50))));
            assertThat(Duration.between(Instant.now(), device.wallClock().instant()))
                    .as("the server's time, an hour ahead of the host's").isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
            device.powerOff();
            scheduler.runPending();
        }
    }

    @Test
    @DisplayName("LOG-01 LOG-02 a syslog server name that does not resolve: the messages are dropped and the device runs "
            + "on; the server it is given meanwhile gets the next message")
    void syslogServer() throws Exception {
        try (DatagramSocket syslog = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            syslog.setSoTimeout(200);
            Device device = VirtualTime.booted(VirtualTime.unpowered(dataDir, DeviceModels.HT502, scheduler,
                    Map.of("P207", "syslog.fault.invalid", "P208", "2")), scheduler);
            device.reboot();
            scheduler.advance(Duration.ofSeconds(2));
            assertThat(device.power()).isEqualTo(PowerState.READY);

            device.store().apply(Map.of("P207", "127.0.0.1:" + syslog.getLocalPort()));
            device.reboot();
            scheduler.advance(Duration.ofSeconds(2));
            assertThat(received(syslog)).contains("is up");
            device.powerOff();
            scheduler.runPending();
        }
    }

    private static String received(DatagramSocket socket) throws Exception {
        StringBuilder lines = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        byte[] buffer = new byte[2048];
        while (!lines.toString().contains("is up") && System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                lines.append(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)).append('\n');
            } catch (SocketTimeoutException quiet) {
                // more may come
            }
        }
        return lines.toString();
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
