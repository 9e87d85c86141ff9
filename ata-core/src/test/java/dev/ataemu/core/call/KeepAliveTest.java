package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keep-alives toward the server while registered: CRLF for NATs, OPTIONS to see the server is there. */
class KeepAliveTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("NAT-05 NAT-07 with NAT traversal keep-alive (P52 = 2) the account sends an empty UDP packet every P84 seconds")
    void natKeepAlive() throws Exception {
        try (Registrar registrar = new Registrar();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                     Map.of("P47", "127.0.0.1:" + registrar.port(), "P52", "2", "P84", "1", "P401", "0"))) {
            Thread.sleep(3800);
            long keepAlives = registrar.received.stream().filter(String::isEmpty).count();
            assertThat(registrar.received.stream().filter(m -> m.startsWith("REGISTER"))).hasSize(1);
            assertThat(keepAlives).as("CRLF keep-alives in 3.8 s at 1 s").isBetween(2L, 4L);
        }
    }

    @Test
    @DisplayName("PLAT-40 SIP OPTIONS keep-alive (P2397): OPTIONS every P2398 s; after P2399 unanswered the account registers again")
    void optionsKeepAlive() throws Exception {
        try (Registrar registrar = new Registrar();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                     Map.of("P47", "127.0.0.1:" + registrar.port(), "P2397", "1", "P2398", "1", "P2399", "3", "P401", "0"))) {
            Thread.sleep(5500);
            List<String> seen = List.copyOf(registrar.received);
            long options = seen.stream().filter(m -> m.startsWith("OPTIONS")).count();
            long registers = seen.stream().filter(m -> m.startsWith("REGISTER")).count();
            assertThat(options).as("OPTIONS at 1 s intervals").isGreaterThanOrEqualTo(3);
            assertThat(registers).as("registered again after three unanswered OPTIONS").isGreaterThanOrEqualTo(2);
        }
    }

    /** A registrar on a plain socket: 200 to every REGISTER, silence to everything else, all of it kept. */
    private static final class Registrar implements AutoCloseable {
        private static final Pattern HEADER = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq|Contact):.*$");
        final List<String> received = new CopyOnWriteArrayList<>();
        private final DatagramSocket socket = new DatagramSocket(0, CallingDevice.LOOPBACK);
        private final Thread thread = new Thread(this::serve, "test-registrar");
        private volatile boolean running = true;

        Registrar() throws Exception {
            socket.setSoTimeout(100);
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            byte[] buffer = new byte[8192];
            while (running) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    String text = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
                    received.add(text);
                    if (text.startsWith("REGISTER")) {
                        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\r\n");
                        Matcher header = HEADER.matcher(text);
                        while (header.find()) {
                            String line = header.group();
                            ok.append(line.startsWith("To:") ? line + ";tag=reg" : line.startsWith("Contact:")
                                    ? line + ";expires=3600" : line).append("\r\n");
                        }
                        ok.append("Content-Length: 0\r\n\r\n");
                        byte[] bytes = ok.toString().getBytes(StandardCharsets.US_ASCII);
                        socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                    }
                } catch (SocketTimeoutException quiet) {
                    // look again
                } catch (Exception e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws Exception {
            running = false;
            thread.join(1000);
            socket.close();
        }
    }
}
