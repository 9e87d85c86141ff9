package dev.ataemu.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two sessions talking over loopback UDP. */
class RtpSessionTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final MediaTransport transport = new MediaTransport(1, 1);
    private RtpSession a;
    private RtpSession b;

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        transport.close();
    }

    private RtpSession open(RtpSession.Settings settings) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, LOOPBACK)) {
                port = probe.getLocalPort() & ~1;
            }
            try {
                return RtpSession.open(transport, LOOPBACK, port, settings);
            } catch (java.net.BindException busy) {
                // The port above the probe was taken; try another pair.
            }
        }
        throw new IllegalStateException("no free RTP port pair");
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    @DisplayName("MEDIA-23 packets carry increasing sequence numbers, the timestamps given and one SSRC, and RTCP measures the round trip")
    void exchangeAndReport() throws Exception {
        a = open(RtpSession.Settings.DEFAULTS);
        b = open(RtpSession.Settings.DEFAULTS);
        a.remote(new InetSocketAddress(LOOPBACK, b.localPort()), new InetSocketAddress(LOOPBACK, b.localPort() + 1));
        b.remote(new InetSocketAddress(LOOPBACK, a.localPort()), new InetSocketAddress(LOOPBACK, a.localPort() + 1));
        List<RtpPacket> heard = new CopyOnWriteArrayList<>();
        b.onPacket(packet -> heard.add(new RtpPacket(packet.marker(), packet.payloadType(), packet.sequence(),
                packet.timestamp(), packet.ssrc(), 0, packet.payload(), 0, packet.payloadLength())));

        byte[] payload = new byte[160];
        for (int i = 0; i < 50; i++) {
            a.send(0, i == 0, 1000 + 160L * i, payload, 0, payload.length);
            b.send(0, i == 0, 5000 + 160L * i, payload, 0, payload.length);
        }
        await(() -> heard.size() == 50);

        assertThat(heard.get(0).marker()).isTrue();
        for (int i = 1; i < heard.size(); i++) {
            assertThat(heard.get(i).sequence()).isEqualTo(heard.get(i - 1).sequence() + 1 & 0xffff);
            assertThat(heard.get(i).timestamp()).isEqualTo(1000 + 160L * i);
            assertThat(heard.get(i).ssrc()).isEqualTo(a.ssrc());
        }
        assertThat(b.statistics().packetsReceived()).isEqualTo(50);
        assertThat(b.statistics().packetsLost()).isZero();

        a.reportNow();
        Thread.sleep(100);
        b.reportNow();
        await(() -> a.statistics().roundTripMillis() >= 0);
        assertThat(a.statistics().roundTripMillis()).isLessThan(500);
    }

    @Test
    @DisplayName("MEDIA-16 symmetric RTP (P291) sends back to where the peer's packets come from")
    void symmetricRtp() throws Exception {
        a = open(new RtpSession.Settings(true, false, "a", 8000));
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            byte[] packet = new byte[172];
            RtpPacket.write(packet, false, 0, 1, 160, 99, new byte[160], 0, 160);
            peer.send(new DatagramPacket(packet, packet.length, LOOPBACK, a.localPort()));
            await(() -> a.remote().isPresent());

            a.send(0, false, 0, new byte[160], 0, 160);
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            peer.setSoTimeout(5000);
            peer.receive(reply);
            assertThat(reply.getLength()).isEqualTo(172);
        }
    }

    @Test
    @DisplayName("hostile datagrams on the RTP and RTCP ports are dropped and counted")
    void hostileDatagrams() throws Exception {
        a = open(RtpSession.Settings.DEFAULTS);
        try (DatagramSocket attacker = new DatagramSocket(0, LOOPBACK)) {
            byte[][] junk = {new byte[3], {0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {(byte) 0x8f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}};
            for (byte[] datagram : junk) {
                attacker.send(new DatagramPacket(datagram, datagram.length, LOOPBACK, a.localPort()));
            }
            byte[] badRtcp = {(byte) 0x81, (byte) 201, (byte) 0xff, (byte) 0xff};
            attacker.send(new DatagramPacket(badRtcp, badRtcp.length, LOOPBACK, a.localPort() + 1));
            await(() -> a.statistics().dropped() == 4);
        }
        assertThat(a.statistics().dropsByReason()).containsEntry(DropReason.MALFORMED_RTCP, 1L);
    }
}
