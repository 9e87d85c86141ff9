package dev.ataemu.core.call;

import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A STUN server as one sees it from behind a NAT: it answers each Binding request with the public
 * mapping a NAT would have given the sender (a fixed address), which loopback alone cannot show.
 */
final class NattingStunServer extends UdpResponder {

    private static final int MAGIC_COOKIE = 0x2112A442;

    private final InetSocketAddress mapping;
    private final AtomicInteger asked = new AtomicInteger();

    NattingStunServer(InetSocketAddress mapping) throws SocketException {
        super("natting-stun");
        this.mapping = mapping;
    }

    /** How many Binding requests it answered. */
    int asked() {
        return asked.get();
    }

    @Override
    Optional<byte[]> answer(byte[] datagram, int length) {
        ByteBuffer request = ByteBuffer.wrap(datagram, 0, length);
        if (length < 20 || request.getShort(0) != 0x0001) {
            return Optional.empty();
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
        asked.incrementAndGet();
        return Optional.of(response.array());
    }
}
