package dev.ataemu.core.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server on a loopback UDP port whose records the test changes while it runs: it answers A
 * queries for the names it knows (TTL 0, so nothing is cached), "no such name" (NXDOMAIN) for the
 * others, or, while down, nothing at all. It counts the queries it receives.
 */
final class TestDns implements AutoCloseable {

    private static final int TYPE_A = 1;
    private static final int NXDOMAIN = 3;

    private final DatagramSocket socket;
    private final Map<String, InetAddress> records = new ConcurrentHashMap<>();
    private final AtomicInteger queries = new AtomicInteger();
    private volatile boolean down;

    TestDns() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** From now on {@code name} has this A record. */
    void a(String name, InetAddress address) {
        records.put(name.toLowerCase(Locale.ROOT), address);
    }

    /** While down, queries go unanswered, as when the server is unreachable. */
    void down(boolean down) {
        this.down = down;
    }

    int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                queries.incrementAndGet();
                if (!down) {
                    byte[] answer = answer(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException closedOrGarbled) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The answer to one query (RFC 1035 section 4.1): the question echoed, then an A record or none. */
    private byte[] answer(ByteBuffer query) {
        short id = query.getShort();
        short flags = query.getShort();
        query.position(12);
        StringBuilder name = new StringBuilder();
        for (int length = query.get() & 0xFF; length > 0; length = query.get() & 0xFF) {
            byte[] label = new byte[length];
            query.get(label);
            name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = query.getShort() & 0xFFFF;
        query.getShort();
        int questionEnd = query.position();
        String asked = name.toString().toLowerCase(Locale.ROOT);
        InetAddress address = records.get(asked);
        boolean known = address != null;
        boolean answering = known && type == TYPE_A;

        ByteBuffer out = ByteBuffer.allocate(512);
        out.putShort(id);
        out.putShort((short) (0x8400 | (flags & 0x0100) | 0x0080 | (known ? 0 : NXDOMAIN)));
        out.putShort((short) 1).putShort((short) (answering ? 1 : 0)).putShort((short) 0).putShort((short) 0);
        out.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        if (answering) {
            out.putShort((short) 0xC00C).putShort((short) TYPE_A).putShort((short) 1).putInt(0).putShort((short) 4);
            out.put(address.getAddress());
        }
        byte[] answer = new byte[out.position()];
        out.flip().get(answer);
        return answer;
    }

    @Override
    public void close() {
        socket.close();
    }
}
