package dev.ataemu.media.rtp;

/**
 * Reads RTP packets off the wire without ever throwing: a packet that is not well-formed RTP is
 * dropped and counted by the reason it failed.
 */
public final class RtpParser {

    private final DropCounters drops;

    public RtpParser(DropCounters drops) {
        this.drops = drops;
    }

    /** The packet, or null when it was dropped (and counted). */
    public RtpPacket parse(byte[] buffer, int length) {
        if (length < RtpPacket.HEADER_BYTES) {
            return drop(DropReason.TRUNCATED_HEADER);
        }
        int first = buffer[0] & 0xff;
        if (first >>> 6 != RtpPacket.VERSION) {
            return drop(DropReason.BAD_VERSION);
        }
        boolean padding = (first & 0x20) != 0;
        boolean extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0f;
        int offset = RtpPacket.HEADER_BYTES + 4 * csrcCount;
        if (offset > length) {
            return drop(DropReason.CSRC_PAST_END);
        }
        if (extension) {
            if (offset + 4 > length) {
                return drop(DropReason.EXTENSION_PAST_END);
            }
            int words = (buffer[offset + 2] & 0xff) << 8 | buffer[offset + 3] & 0xff;
            offset += 4 + 4 * words;
            if (offset > length) {
                return drop(DropReason.EXTENSION_PAST_END);
            }
        }
        int end = length;
        if (padding) {
            int pad = buffer[length - 1] & 0xff;
            if (pad == 0 || offset + pad > length) {
                return drop(DropReason.BAD_PADDING);
            }
            end -= pad;
        }
        int second = buffer[1] & 0xff;
        int payloadType = second & 0x7f;
        if (payloadType >= 72 && payloadType <= 76) {
            // RTCP SR/RR/SDES/BYE/APP arriving on the RTP port (RFC 5761 range), not media.
            return drop(DropReason.RTCP_ON_RTP_PORT);
        }
        return new RtpPacket((second & 0x80) != 0, payloadType,
                (buffer[2] & 0xff) << 8 | buffer[3] & 0xff,
                RtpPacket.getInt(buffer, 4), RtpPacket.getInt(buffer, 8), csrcCount,
                buffer, offset, end - offset);
    }

    private RtpPacket drop(DropReason reason) {
        drops.count(reason);
        return null;
    }
}
