package dev.ataemu.sip.nat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The STUN client of NAT traversal (NAT-03): one Binding request (RFC 5389, readable by RFC 3489
 * servers too) from a socket, and the public address the server saw it come from. A STUN request is
 * small enough to write here; the libraries that do it carry all of ICE with them.
 */
public final class StunClient {

    private static final int BINDING_REQUEST = 0x0001;
    private static final int BINDING_SUCCESS = 0x0101;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int MAPPED_ADDRESS = 0x0001;
    private static final int XOR_MAPPED_ADDRESS = 0x0020;
    /** RFC 5389's first retransmission timeout; each retransmission doubles it. */
    private static final Duration FIRST_WAIT = Duration.ofMillis(500);
    private static final int ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StunClient() {
    }

    /**
     * Asks {@code server} what {@code socket} looks like from outside: the mapped address, or empty
     * when the server does not answer within three tries (0.5 + 1 + 2 s) or answers with an error.
     */
    public static Optional<InetSocketAddress> mappedAddress(DatagramSocket socket, InetSocketAddress server)
            throws IOException {
        byte[] transaction = new byte[12];
        RANDOM.nextBytes(transaction);
        byte[] request = ByteBuffer.allocate(20).putShort((short) BINDING_REQUEST).putShort((short) 0)
                .putInt(MAGIC_COOKIE).put(transaction).array();
        int previousTimeout = socket.getSoTimeout();
        try {
            long wait = FIRST_WAIT.toMillis();
            for (int attempt = 0; attempt < ATTEMPTS; attempt++, wait *= 2) {
                socket.send(new DatagramPacket(request, request.length, server));
                long deadline = System.nanoTime() + wait * 1_000_000;
                while (true) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        break;
                    }
                    socket.setSoTimeout((int) left);
                    byte[] buffer = new byte[1500];
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException noAnswerYet) {
                        break;
                    }
                    Optional<Optional<InetSocketAddress>> answer =
                            read(ByteBuffer.wrap(buffer, 0, packet.getLength()), transaction);
                    if (answer.isPresent()) {
                        return answer.get();
                    }
                }
            }
            return Optional.empty();
        } finally {
            socket.setSoTimeout(previousTimeout);
        }
    }

    /** Empty for a datagram that is not the answer to our request; else the mapped address it carries, if any. */
    static Optional<Optional<InetSocketAddress>> read(ByteBuffer message, byte[] transaction) {
        if (message.remaining() < 20) {
            return Optional.empty();
        }
        int type = message.getShort() & 0xffff;
        int length = message.getShort() & 0xffff;
        int cookie = message.getInt();
        byte[] id = new byte[12];
        message.get(id);
        if (cookie != MAGIC_COOKIE || !Arrays.equals(id, transaction) || (type & 0x0100) == 0) {
            return Optional.empty();
        }
        if (type != BINDING_SUCCESS || length > message.remaining()) {
            return Optional.of(Optional.empty());
        }
        Optional<InetSocketAddress> mapped = Optional.empty();
        while (message.remaining() >= 4) {
            int attribute = message.getShort() & 0xffff;
            int size = message.getShort() & 0xffff;
            if (size > message.remaining()) {
                break;
            }
            ByteBuffer value = message.slice(message.position(), size);
            // Attribute values are padded to four bytes.
            message.position(message.position() + Math.min((size + 3) & ~3, message.remaining()));
            if (attribute == XOR_MAPPED_ADDRESS) {
                Optional<InetSocketAddress> xored = address(value, true, transaction);
                if (xored.isPresent()) {
                    return Optional.of(xored);
                }
            } else if (attribute == MAPPED_ADDRESS && mapped.isEmpty()) {
                mapped = address(value, false, transaction);
            }
        }
        return Optional.of(mapped);
    }

    private static Optional<InetSocketAddress> address(ByteBuffer value, boolean xored, byte[] transaction) {
        if (value.remaining() < 8) {
            return Optional.empty();
        }
        value.get();
        int family = value.get();
        int port = value.getShort() & 0xffff;
        byte[] address = new byte[family == 1 ? 4 : family == 2 ? 16 : 0];
        if (address.length == 0 || value.remaining() < address.length) {
            return Optional.empty();
        }
        value.get(address);
        if (xored) {
            port ^= MAGIC_COOKIE >>> 16;
            byte[] key = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).put(transaction).array();
            for (int i = 0; i < address.length; i++) {
                address[i] ^= key[i];
            }
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByAddress(address), port));
        } catch (java.net.UnknownHostException impossible) {
            return Optional.empty();
        }
    }
}
