package dev.ataemu.core.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes a loopback UDP port that someone has left (a vanished far end's) and counts what still
 * arrives there, without answering: all datagrams, and those that start with a given text.
 */
final class PortListener implements AutoCloseable {

    private final DatagramSocket socket;
    private final String prefix;
    private final AtomicInteger datagrams = new AtomicInteger();
    private final AtomicInteger matching = new AtomicInteger();

    PortListener(int port, String prefix) throws SocketException {
        this.prefix = prefix;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread thread = new Thread(this::listen, "port-listener-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    int datagrams() {
        return datagrams.get();
    }

    /** The datagrams that start with the prefix. */
    int matching() {
        return matching.get();
    }

    private void listen() {
        byte[] buffer = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                datagrams.incrementAndGet();
                if (new String(buffer, 0, Math.min(packet.getLength(), prefix.length()), StandardCharsets.US_ASCII)
                        .equals(prefix)) {
                    matching.incrementAndGet();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
