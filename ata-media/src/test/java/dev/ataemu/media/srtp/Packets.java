package dev.ataemu.media.srtp;

import java.nio.ByteBuffer;

/** Plain RTP and RTCP packets for the tests. */
final class Packets {

    static final int SSRC = 0x1234_5678;

    private Packets() {
    }

    /** A PCMU packet: 12-byte header, 160 bytes of payload derived from the sequence number. */
    static byte[] rtp(int seq) {
        return rtp(SSRC, seq, 160);
    }

    static byte[] rtp(int ssrc, int seq, int payloadLength) {
        ByteBuffer packet = ByteBuffer.allocate(12 + payloadLength);
        packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(ssrc);
        for (int i = 0; i < payloadLength; i++) {
            packet.put((byte) (seq * 31 + i));
        }
        return packet.array();
    }

    /** A receiver report without report blocks followed by an SDES CNAME chunk. */
    static byte[] rtcp(int ssrc) {
        ByteBuffer packet = ByteBuffer.allocate(8 + 12);
        packet.put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(ssrc);
        packet.put((byte) 0x81).put((byte) 202).putShort((short) 2).putInt(ssrc);
        packet.put((byte) 1).put((byte) 2).put((byte) 'a').put((byte) 'b');
        return packet.array();
    }
}
