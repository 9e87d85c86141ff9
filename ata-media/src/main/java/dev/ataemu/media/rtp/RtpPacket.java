package dev.ataemu.media.rtp;

/**
 * One RTP packet (RFC 3550) as it was read from the wire: the fixed header's fields and where the
 * payload lies in the buffer. The buffer is shared, not copied; read the payload before reusing it.
 */
public record RtpPacket(
        boolean marker,
        int payloadType,
        int sequence,
        long timestamp,
        long ssrc,
        int csrcCount,
        byte[] buffer,
        int payloadOffset,
        int payloadLength) {

    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 12;

    /** A copy of the payload bytes. */
    public byte[] payload() {
        byte[] copy = new byte[payloadLength];
        System.arraycopy(buffer, payloadOffset, copy, 0, payloadLength);
        return copy;
    }

    /**
     * Writes an RTP header (no CSRCs, no extension) and the payload into {@code out}; returns the
     * packet length.
     */
    public static int write(byte[] out, boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
            byte[] payload, int payloadOffset, int payloadLength) {
        out[0] = (byte) (VERSION << 6);
        out[1] = (byte) ((marker ? 0x80 : 0) | payloadType & 0x7f);
        out[2] = (byte) (sequence >>> 8);
        out[3] = (byte) sequence;
        putInt(out, 4, timestamp);
        putInt(out, 8, ssrc);
        System.arraycopy(payload, payloadOffset, out, HEADER_BYTES, payloadLength);
        return HEADER_BYTES + payloadLength;
    }

    static void putInt(byte[] out, int at, long value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    static long getInt(byte[] in, int at) {
        return (in[at] & 0xffL) << 24 | (in[at + 1] & 0xffL) << 16 | (in[at + 2] & 0xffL) << 8 | in[at + 3] & 0xffL;
    }
}
