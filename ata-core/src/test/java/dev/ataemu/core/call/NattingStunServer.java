package dev.ataemu.core.call;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUN server as one sees it from behind a NAT: it answers each Binding request with the public
 * mapping a NAT would have given the sender (a fixed address), which loopback alone cannot show.
 */
final class NattingStunServer implements AutoCloseable {

    private static final int MAGIC_COOKIE = 0x2112A442;

    private final DatagramSocket socket;
    private final InetSocketAddress mapping;
    private final AtomicInteger asked = new AtomicInteger();

    NattingStunServer(InetSocketAddress mapping) throws SocketException {
        this.mapping = mapping;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "natting-stun");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many Binding requests it answered. */
    int asked() {
        return asked.get();
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                ByteBuffer request = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
                if (packet.getLength() < 20 || request.getShort(0) != 0x0001) {
                    continue;
                }
                byte[] transaction = new byte[12];
                request.get(8, transaction);
                byte[] address = mapping.getAddress().getAddress();
                byte[] key = ByteBuffer.allocate(4).putInt(MAGIC_COOKIE).array();
                ByteBuffer response = ByteBuffer.allocate(32).putShort((short) 0x0101).putShort((short) 12)
                        .putInt(MAGIC_COOKIE).put(transaction)
                        .putShort((short) 0x0020).putShort((short) 8).put((byte) 0).put((byte) 1)
                        .putShort((short) (mapping.getPort() ^ (MAGIC_COOKIE >>> 16)));
                for (int i = 0; i < 4; i++) {
                    response.put((byte) (address[i] ^ key[i]));
                }
                socket.send(new DatagramPacket(response.array(), 32, packet.getSocketAddress()));
                asked.incrementAndGet();
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
