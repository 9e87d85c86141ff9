package dev.ataemu.core.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.time.VirtualScheduler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's syslog, received by a UDP syslog listener on loopback. */
class SyslogTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private DatagramSocket receiver;

    @BeforeEach
    void listen() throws Exception {
        receiver = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        receiver.setSoTimeout(300);
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    private String server() {
        return "127.0.0.1:" + receiver.getLocalPort();
    }

    /** Every line that arrives until none has come for 300 ms. */
    private List<String> received() throws Exception {
        List<String> lines = new ArrayList<>();
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
            try {
                receiver.receive(packet);
            } catch (SocketTimeoutException quiet) {
                return lines;
            }
            lines.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
        }
    }

    private Device device(Map<String, String> settings) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, DeviceModels.HT502, Optional.empty(), new Random(3)),
                ParameterCatalog.builtIn(), scheduler);
        device.store().apply(settings);
        device.network(InetAddress.getLoopbackAddress());
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(3));
        return device;
    }

    @Test
    @DisplayName("LOG-03 LOG-04 LOG-05 a line is a BSD syslog header with the USER facility and GS_LOG: [mac][code] message")
    void format() {
        String line = SyslogMessage.format(Severity.INFO, ZonedDateTime.of(2026, 5, 9, 2, 40, 38, 0, ZoneOffset.UTC),
                "192.168.1.14", "00:0b:82:00:a1:be", 0, "Ethernet link is up");
        assertThat(line).isEqualTo("<14>May  9 02:40:38 192.168.1.14 GS_LOG: [00:0b:82:00:a1:be][000] Ethernet link is up");
    }

    @Test
    @DisplayName("LOG-01 LOG-02 LOG-06 LOG-10 LOG-11 LOG-13 at level INFO the server gets the boot, the link, the "
            + "registration and each call, from the device's MAC and address")
    void bootRegistrationAndCalls() throws Exception {
        Device device = device(Map.of("P207", server(), "P208", "2"));
        String mac = device.mac().colon().toLowerCase();
        device.registrationChanged(1, RegistrationState.REGISTERED);
        device.ring(1, CallerId.empty().withNumber("2002").withName("BOB"));
        scheduler.advance(Duration.ofSeconds(1));
        device.handset(1).offHook();
        scheduler.advance(Duration.ofSeconds(1));
        device.handset(1).onHook();
        scheduler.advance(Duration.ofSeconds(2));

        List<String> lines = received();
        assertThat(lines).allMatch(line -> line.matches("<14>[A-Z][a-z]{2} [ 1-3][0-9] \\d\\d:\\d\\d:\\d\\d 127\\.0\\.0\\.1 "
                + "GS_LOG: \\[" + mac + "\\]\\[000\\] .*"));
        assertThat(lines).anyMatch(line -> line.endsWith("HT502 firmware 1.0.16.2 is up"))
                .anyMatch(line -> line.endsWith("Ethernet link is up"))
                .anyMatch(line -> line.endsWith("Account 1 registered"))
                .anyMatch(line -> line.endsWith("Incoming call on port 1"))
                .anyMatch(line -> line.endsWith("Incoming call on port 1 answered"))
                .anyMatch(line -> line.endsWith("Call on port 1 ended"));
    }

    @Test
    @DisplayName("LOG-08 LOG-09 SIP messages: a summary of each at INFO, the whole text with \"Send SIP Log\" (P1387) "
            + "or at DEBUG")
    void sipMessages() throws Exception {
        int registrar;
        int local;
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket ours = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            registrar = silent.getLocalPort();
            local = ours.getLocalPort();
        }
        Device device = device(Map.of("P207", server(), "P208", "2", "P47", "127.0.0.1:" + registrar, "P35", "1001",
                "P40", String.valueOf(local)));
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(received()).anyMatch(line -> line.matches(".*\\] Sent REGISTER sip:127\\.0\\.0\\.1:\\d+ to "
                + "127\\.0\\.0\\.1:" + registrar));

        device.store().apply(Map.of("P1387", "1"));
        device.reboot();
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(received()).anyMatch(line -> line.contains("Sent to 127.0.0.1:" + registrar + ": REGISTER sip:")
                && line.contains("CSeq: 1 REGISTER"));
    }

    @Test
    @DisplayName("LOG-01 the HT813's \"Syslog Protocol\" SSL/TLS (P8402) sends over TLS, each message framed by its "
            + "length (RFC 5425)")
    void overTls() throws Exception {
        dev.ataemu.sip.stack.TlsIdentity identity = dev.ataemu.sip.stack.TlsIdentity.selfSigned("syslog.test");
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity.keyStore(), identity.password());
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        try (javax.net.ssl.SSLServerSocket listener = (javax.net.ssl.SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            Device device = Device.inFolder(DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(),
                    new Random(3)), ParameterCatalog.builtIn(), scheduler);
            device.store().apply(Map.of("P207", "127.0.0.1:" + listener.getLocalPort(), "P208", "2", "P8402", "1"));
            device.network(InetAddress.getLoopbackAddress());
            // The device gives a handshake 5 s of real time: the server takes it up as soon as the
            // device connects, however long the boot's virtual seconds take to run on a busy machine.
            java.util.concurrent.CompletableFuture<javax.net.ssl.SSLSocket> accepted =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) listener.accept();
                            socket.startHandshake();
                            return socket;
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            device.powerOn();
            scheduler.advance(Duration.ofSeconds(3));
            try (java.net.Socket client = accepted.get(15, java.util.concurrent.TimeUnit.SECONDS)) {
                client.setSoTimeout(5000);
                java.io.InputStream in = client.getInputStream();
                StringBuilder length = new StringBuilder();
                int c;
                while ((c = in.read()) != ' ') {
                    length.append((char) c);
                }
                String message = new String(in.readNBytes(Integer.parseInt(length.toString())), StandardCharsets.UTF_8);
                assertThat(message).startsWith("<14>").contains("GS_LOG: [" + device.mac().colon().toLowerCase() + "][000]");
            }
        }
    }

    @Test
    @DisplayName("LOG-02 LOG-16 the level is a threshold read at once: NONE and ERROR send none of these INFO events, "
            + "a change to DEBUG sends the next one")
    void levelThreshold() throws Exception {
        Device device = device(Map.of("P207", server()));
        device.registrationChanged(1, RegistrationState.REGISTERED);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(received()).as("NONE, the factory level").isEmpty();

        device.store().apply(Map.of("P208", "4"));
        device.registrationChanged(1, RegistrationState.NOT_REGISTERED);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(received()).as("ERROR").isEmpty();

        device.store().apply(Map.of("P208", "1"));
        device.registrationChanged(1, RegistrationState.REGISTERED);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(received()).singleElement().satisfies(line -> assertThat(line).endsWith("Account 1 registered"));
    }
}
