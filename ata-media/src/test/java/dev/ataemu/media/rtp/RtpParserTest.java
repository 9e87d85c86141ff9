package dev.ataemu.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RtpParserTest {

    private final DropCounters drops = new DropCounters();
    private final RtpParser parser = new RtpParser(drops);

    private static byte[] packet(int payloadLength) {
        byte[] out = new byte[RtpPacket.HEADER_BYTES + payloadLength];
        RtpPacket.write(out, true, 0, 65535, 0xfffffff0L, 0x12345678L, new byte[payloadLength], 0, payloadLength);
        return out;
    }

    @Test
    void readsTheFixedHeader() {
        byte[] bytes = packet(160);
        RtpPacket packet = parser.parse(bytes, bytes.length);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequence()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(0xfffffff0L);
        assertThat(packet.ssrc()).isEqualTo(0x12345678L);
        assertThat(packet.payloadLength()).isEqualTo(160);
    }

    @Test
    void skipsCsrcsExtensionsAndPadding() {
        byte[] bytes = new byte[12 + 8 + 8 + 10 + 4];
        bytes[0] = (byte) (0x80 | 0x20 | 0x10 | 2);
        bytes[12 + 8 + 3] = 1;
        bytes[bytes.length - 1] = 4;
        RtpPacket packet = parser.parse(bytes, bytes.length);
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.payloadOffset()).isEqualTo(28);
        assertThat(packet.payloadLength()).isEqualTo(10);
    }

    @Test
    @DisplayName("malformed RTP (truncated header, bad version, huge CSRC count, runaway extension, bad padding) is dropped and counted")
    void malformedPacketsAreDroppedAndCounted() {
        assertThat(parser.parse(new byte[5], 5)).isNull();
        byte[] version1 = packet(10);
        version1[0] = 0x40;
        assertThat(parser.parse(version1, version1.length)).isNull();
        byte[] csrcs = packet(10);
        csrcs[0] = (byte) 0x8f;
        assertThat(parser.parse(csrcs, csrcs.length)).isNull();
        byte[] extension = packet(10);
        extension[0] = (byte) 0x90;
        extension[14] = (byte) 0xff;
        assertThat(parser.parse(extension, extension.length)).isNull();
        byte[] padding = packet(10);
        padding[0] = (byte) 0xa0;
        padding[padding.length - 1] = (byte) 200;
        assertThat(parser.parse(padding, padding.length)).isNull();

        assertThat(drops.get(DropReason.TRUNCATED_HEADER)).isEqualTo(1);
        assertThat(drops.get(DropReason.BAD_VERSION)).isEqualTo(1);
        assertThat(drops.get(DropReason.CSRC_PAST_END)).isEqualTo(1);
        assertThat(drops.get(DropReason.EXTENSION_PAST_END)).isEqualTo(1);
        assertThat(drops.get(DropReason.BAD_PADDING)).isEqualTo(1);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            parser.parse(junk, junk.length);
            Rtcp.reports(junk, junk.length, drops);
        }
        assertThat(drops.total()).isPositive();
    }
}
