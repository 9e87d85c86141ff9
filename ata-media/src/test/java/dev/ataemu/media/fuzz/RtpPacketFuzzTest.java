package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.rtp.DropCounters;
import dev.ataemu.media.rtp.RtpPacket;
import dev.ataemu.media.rtp.RtpParser;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;

/** RTP packets as they arrive on a call's media port. */
class RtpPacketFuzzTest {

    @DisplayName("MEDIA-23 any datagram is an RTP packet whose payload lies inside it, or a counted drop")
    @FuzzTest
    void packet(byte[] datagram) {
        DropCounters drops = new DropCounters();
        RtpPacket packet = new RtpParser(drops).parse(datagram, datagram.length);
        if (packet == null) {
            assertThat(drops.total()).isEqualTo(1);
            return;
        }
        assertThat(drops.total()).isZero();
        assertThat(packet.payloadOffset()).isBetween(RtpPacket.HEADER_BYTES, datagram.length);
        assertThat(packet.payloadLength()).isBetween(0, datagram.length - packet.payloadOffset());
        assertThat(packet.payload()).hasSize(packet.payloadLength());
        assertThat(packet.payloadType() < 72 || packet.payloadType() > 76).as("RTCP types on the RTP port are dropped").isTrue();
        if ((datagram[0] & 0x3F) == 0) {
            // No padding, extension or CSRCs: writing the fields back gives the datagram again.
            byte[] again = new byte[datagram.length];
            int length = RtpPacket.write(again, packet.marker(), packet.payloadType(), packet.sequence(),
                    packet.timestamp(), packet.ssrc(), packet.payload(), 0, packet.payloadLength());
            assertThat(Arrays.copyOf(again, length)).isEqualTo(datagram);
        }
    }
}
