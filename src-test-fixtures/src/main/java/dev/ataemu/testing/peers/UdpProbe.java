package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Starts a peer that serves on one UDP port, and waits for it to answer a request of its protocol. */
final class UdpProbe {

    /** A started peer and the port it serves on. */
    record Started(PeerProcess process, int port) {
    }

    /**
     * Starts {@code name} in a folder of its own under {@code workDir}, on a free port, with the
     * command {@code command} makes of the port and the folder; returns once it answers {@code probe}.
     */
    static Started start(String name, Path workDir, java.util.function.BiFunction<Integer, Path, List<String>> command,
            byte[] probe, String protocol) {
        try {
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, name + "-");
            int port;
            try (FreePorts ports = new FreePorts()) {
                port = ports.udp(true);
            }
            PeerProcess process = PeerProcess.start(name, command.apply(port, dir), dir, dir.resolve(name + ".log"));
            try {
                awaitAnswer(process, port, probe, protocol);
            } catch (RuntimeException | Error e) {
                process.close();
                throw e;
            }
            return new Started(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private UdpProbe() {
    }

    /** Sends {@code request} to the peer's port every 100 ms until any answer comes back. */
    static void awaitAnswer(PeerProcess process, int port, byte[] request, String protocol) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            socket.setSoTimeout(100);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw process.failure("exited during start-up");
                }
                socket.send(new DatagramPacket(request, request.length, loopback, port));
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
        throw process.failure("did not answer " + protocol + " on UDP port " + port);
    }
}
