package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free loopback ports for peers that cannot be told to bind port 0. The sockets are held
 * until every port of a peer is chosen, so two ports of one peer never collide; another process
 * can still take a port between {@link #close()} and the peer's bind, which is rare enough on
 * the ephemeral range to accept.
 */
final class FreePorts implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int ATTEMPTS = 200;

    private final List<AutoCloseable> held = new ArrayList<>();

    /** A port free for UDP (and for TCP too when {@code tcp}). */
    int udp(boolean tcp) {
        return block(1, tcp);
    }

    /** A TCP port. */
    int tcp() {
        try {
            ServerSocket socket = new ServerSocket(0, 1, LOOPBACK);
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first of {@code count} consecutive ports free for UDP (and TCP when {@code tcp}); peers
     * such as baresip (SIP TLS on port + 1) and SIPp (RTP on port + 2) use the neighbours.
     */
    int block(int count, boolean tcp) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                first = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (first + count > 65_535) {
                continue;
            }
            List<AutoCloseable> taken = new ArrayList<>();
            if (takeAll(first, count, tcp, taken)) {
                held.addAll(taken);
                return first;
            }
            taken.forEach(FreePorts::quietlyClose);
        }
        throw new IllegalStateException("no " + count + " consecutive free loopback ports after " + ATTEMPTS + " attempts");
    }

    private static boolean takeAll(int first, int count, boolean tcp, List<AutoCloseable> taken) {
        for (int port = first; port < first + count; port++) {
            try {
                taken.add(new DatagramSocket(new InetSocketAddress(LOOPBACK, port)));
                if (tcp) {
                    taken.add(new ServerSocket(port, 1, LOOPBACK));
                }
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }

    /** Frees every port chosen so far, for the peer to bind. */
    @Override
    public void close() {
        held.forEach(FreePorts::quietlyClose);
        held.clear();
    }

    private static void quietlyClose(AutoCloseable socket) {
        try {
            socket.close();
        } catch (Exception ignored) {
            // a probe socket that fails to close holds nothing we need
        }
    }
}
