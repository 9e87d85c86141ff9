package dev.ataemu.sip.nat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.testing.peers.Coturn;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StunClientTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("NAT-01 NAT-03 a real STUN server (coturn) tells the socket its mapped address")
    void asksARealServer() throws Exception {
        try (Coturn coturn = Coturn.start(work);
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Optional<InetSocketAddress> mapped = StunClient.mappedAddress(socket, coturn.address());
            assertThat(mapped).as(coturn::log).contains(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    socket.getLocalPort()));
        }
    }

    @Test
    @DisplayName("NAT-03 the XOR-MAPPED-ADDRESS of RFC 5769's sample IPv4 response reads as 192.0.2.1:32853")
    void readsTheRfc5769SampleResponse() throws Exception {
        byte[] transaction = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");
        byte[] response = HexFormat.of().parseHex("0101001c2112a442b7e7a701bc34d686fa87dfae"
                + "8022000b7465737420766563746f7220"
                + "002000080001a147e112a643");
        assertThat(StunClient.read(ByteBuffer.wrap(response), transaction))
                .contains(Optional.of(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)));
    }

    @Test
    @DisplayName("NAT-04 another transaction's answer, an error response and a silent server give no mapping")
    void ignoresWhatIsNotOurAnswer() throws Exception {
        byte[] transaction = HexFormat.of().parseHex("b7e7a701bc34d686fa87dfae");
        byte[] otherTransaction = HexFormat.of().parseHex("0101000c2112a442000000000000000000000000"
                + "002000080001a147e112a643");
        assertThat(StunClient.read(ByteBuffer.wrap(otherTransaction), transaction)).isEmpty();
        byte[] error = HexFormat.of().parseHex("011100002112a442b7e7a701bc34d686fa87dfae");
        assertThat(StunClient.read(ByteBuffer.wrap(error), transaction)).contains(Optional.empty());
        assertThat(StunClient.read(ByteBuffer.wrap(new byte[7]), transaction)).isEmpty();
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(StunClient.mappedAddress(socket, (InetSocketAddress) silent.getLocalSocketAddress())).isEmpty();
        }
    }
}
