package dev.ataemu.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian package sip-tester) as a one-shot registrar on loopback: it challenges the first
 * REGISTER with a digest, checks the second against a user and password, and grants 60 s (or
 * answers 403 when the digest is wrong).
 */
public final class SippRegistrar implements AutoCloseable {

    private static final Path SIPP = Path.of("/usr/bin/sipp");

    private final Process process;
    private final Path work;
    private final int port;

    private SippRegistrar(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    public static SippRegistrar start(Path work, String user, String password) throws IOException {
        if (!Files.isExecutable(SIPP)) {
            throw new IllegalStateException("SIPp is needed (Debian package sip-tester); .ci/run installs it");
        }
        Path scenario = work.resolve("registrar.xml");
        String xml;
        try (InputStream in = SippRegistrar.class.getResourceAsStream("sipp-registrar.xml")) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(scenario, xml.replace("[$user]", user).replace("[$password]", password));
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process process = new ProcessBuilder(SIPP.toString(), "-sf", scenario.toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", "1", "-nostdin", "-timeout", "30s", "-trace_err")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("sipp.out").toFile())
                .start();
        return new SippRegistrar(process, work, port);
    }

    public int port() {
        return port;
    }

    /** Waits for SIPp to finish its one registration; true when it ran the scenario through without error. */
    public boolean succeeded(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    /** What SIPp wrote, for a failing test's message. */
    public String output() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(work)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".out") || f.toString().endsWith(".log")).toList()) {
                out.append("== ").append(file.getFileName()).append('\n').append(Files.readString(file));
            }
        } catch (IOException e) {
            out.append(e);
        }
        return out.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
