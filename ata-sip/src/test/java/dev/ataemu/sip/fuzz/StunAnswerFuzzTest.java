package dev.ataemu.sip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.sip.nat.StunClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * What a STUN server answers the device's binding request, over loopback UDP: a server thread
 * answers each request for its transaction with the fuzzed message type, length and attributes.
 */
class StunAnswerFuzzTest {

    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final StunServer SERVER = new StunServer();

    /** Input: the message type (2 bytes), the length field (2 bytes), then the attributes. */
    @DisplayName("NAT-03 any answer to a binding request gives the mapped address, or none, without an exception")
    @FuzzTest
    void answer(byte[] input) throws IOException {
        if (input.length < 4) {
            return;
        }
        SERVER.answerWith(input);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            StunClient.mappedAddress(socket, SERVER.address())
                    .ifPresent(mapped -> assertThat(mapped.getPort()).isBetween(0, 65535));
        }
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    /** Answers every binding request at once, as a response class message, so no test waits for a retry. */
    private static final class StunServer implements AutoCloseable {
        private final DatagramSocket socket;
        private volatile byte[] answer = new byte[4];

        StunServer() {
            try {
                socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread thread = new Thread(this::serve, "fuzzed STUN server");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        void answerWith(byte[] input) {
            answer = input.clone();
        }

        private void serve() {
            byte[] buffer = new byte[1500];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                    socket.receive(request);
                    byte[] fuzzed = answer;
                    ByteBuffer reply = ByteBuffer.allocate(20 + fuzzed.length - 4);
                    reply.putShort((short) (((fuzzed[0] & 0xFF) << 8 | fuzzed[1] & 0xFF) | 0x0100));
                    reply.put(fuzzed, 2, 2).putInt(MAGIC_COOKIE).put(Arrays.copyOfRange(buffer, 8, 20));
                    reply.put(fuzzed, 4, fuzzed.length - 4);
                    socket.send(new DatagramPacket(reply.array(), reply.position(), request.getSocketAddress()));
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
}
