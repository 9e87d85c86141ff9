package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real STUN server for tests: coturn's {@code turnserver} (Debian package {@code coturn}) in STUN-only mode on 127.0.0.1. */
public final class Coturn implements AutoCloseable {

    private static final String PACKAGE = "coturn";

    private final PeerProcess process;
    private final int port;

    private Coturn(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Coturn start(Path workDir) {
        Path binary = PeerBinary.require("/usr/bin/turnserver", PACKAGE);
        try {
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, "coturn-");
            int port;
            try (FreePorts ports = new FreePorts()) {
                port = ports.udp(true);
            }
            List<String> command = List.of(binary.toString(), "-n", "--listening-ip=127.0.0.1",
                    "--listening-port=" + port, "--stun-only", "--no-tls", "--no-dtls", "--no-cli",
                    "--log-file=stdout", "--simple-log", "--pidfile=" + dir.resolve("turn.pid"),
                    "--userdb=" + dir.resolve("turndb"));
            PeerProcess process = PeerProcess.start("coturn", command, dir, dir.resolve("coturn.log"));
            try {
                awaitReady(process, port);
            } catch (RuntimeException | Error e) {
                process.close();
                throw e;
            }
            return new Coturn(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public int port() {
        return port;
    }

    public String log() {
        return process.logTail(100);
    }

    private static void awaitReady(PeerProcess process, int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        byte[] request = ByteBuffer.allocate(20).putShort((short) 1).putShort((short) 0).putInt(0x2112A442)
                .put(new byte[12]).array();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(100);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw process.failure("exited during start-up");
                }
                socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
                try {
                    socket.receive(new DatagramPacket(new byte[1500], 1500));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // asked again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw process.failure("did not answer STUN on UDP port " + port);
    }

    @Override
    public void close() {
        process.close();
    }
}
