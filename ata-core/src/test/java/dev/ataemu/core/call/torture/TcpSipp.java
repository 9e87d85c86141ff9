package dev.ataemu.core.call.torture;

import dev.ataemu.testing.SippRegistrar;
import dev.ataemu.testing.peers.PeerBinary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SIPp over TCP ({@code -t t1}) on loopback: the shared SIPp fixtures wait for a UDP socket that a
 * TCP run never opens, so the torture test starts these runs itself. One run is one SIPp process.
 */
final class TcpSipp implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private TcpSipp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** SIPp's stock uac: calls {@code user} at the device, hangs up after a second, once. */
    static TcpSipp call(Path work, int devicePort, String user) throws IOException {
        return start(work, "uac", List.of("127.0.0.1:" + devicePort, "-sn", "uac", "-s", user, "-d", "1000",
                "-timeout", "30s", "-timeout_error"));
    }

    /** The digest registrar of the shared fixtures ({@link SippRegistrar}'s scenario), over TCP, registering once. */
    static TcpSipp registrar(Path work, String user, String password) throws IOException {
        Path scenario = Files.createDirectories(work).resolve("registrar.xml");
        try (InputStream in = SippRegistrar.class.getResourceAsStream("sipp-registrar.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(scenario, xml.replace("[$user]", user).replace("[$password]", password));
        }
        return start(work, "registrar", List.of("-sf", scenario.toString(), "-timeout", "40s"));
    }

    private static TcpSipp start(Path work, String name, List<String> arguments) throws IOException {
        Path sipp = PeerBinary.require("/usr/bin/sipp", "sip-tester");
        Path dir = Files.createDirectories(work.resolve("sipp-tcp-" + name));
        int port = freeTcpPort();
        List<String> command = new ArrayList<>(List.of(sipp.toString()));
        command.addAll(arguments);
        command.addAll(List.of("-t", "t1", "-i", "127.0.0.1", "-p", Integer.toString(port),
                "-mp", Integer.toString(freeUdpPort()), "-m", "1", "-nostdin", "-trace_err"));
        Path log = dir.resolve("sipp.out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new TcpSipp(process, log, port);
    }

    /** Whether the TCP port takes connections yet (a registrar must be listening before the device registers). */
    boolean listening() {
        try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Whether SIPp ran its scenario through within {@code limit}. */
    boolean succeeded(Duration limit) throws InterruptedException {
        return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
    }

    /** What SIPp wrote, for a failing test's message. */
    String output() {
        try (var files = Files.list(log.getParent())) {
            StringBuilder out = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(out|log)")).toList()) {
                out.append("== ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
