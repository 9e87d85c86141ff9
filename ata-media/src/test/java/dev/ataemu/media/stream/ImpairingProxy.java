package dev.ataemu.media.stream;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-way UDP relay on loopback that loses a share of the packets and delays each of the others by
 * a random time up to a bound (which also reorders them), as a bad access network would.
 */
final class ImpairingProxy implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final double loss;
    private final int maxDelayMs;
    private final Random random;
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final Thread relay;
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    ImpairingProxy(InetSocketAddress target, double loss, int maxDelayMs, long seed) throws SocketException {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.target = target;
        this.loss = loss;
        this.maxDelayMs = maxDelayMs;
        this.random = new Random(seed);
        this.relay = new Thread(this::relay, "impairing-proxy");
        relay.setDaemon(true);
        relay.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void relay() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            if (random.nextDouble() < loss) {
                dropped.incrementAndGet();
                continue;
            }
            byte[] copy = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            delays.schedule(() -> {
                try {
                    socket.send(new DatagramPacket(copy, copy.length, target));
                    forwarded.incrementAndGet();
                } catch (IOException closed) {
                    // The test is over.
                }
            }, random.nextInt(maxDelayMs + 1), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        socket.close();
        delays.shutdownNow();
    }
}
