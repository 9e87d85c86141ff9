package dev.ataemu.media.codec.g711;

/**
 * G.711 companding of 16-bit linear samples, computed from the recommendation's segment (chord)
 * and step structure. Negative samples are taken as their ones' complement, as in the ITU-T G.191
 * reference, so that {@code x} and {@code -x - 1} code to mirror-image codewords.
 */
public final class G711 {

    /** μ-law adds 33 (in 14-bit units) so that every segment starts at a power of two. */
    private static final int ULAW_BIAS = 33;
    private static final int ULAW_MAX = 0x1FFF;

    private G711() {
    }

    public static byte linearToUlaw(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(((sample < 0 ? ~sample : sample) >> 2) + ULAW_BIAS, ULAW_MAX);
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 5;
        int step = (magnitude >> (segment + 1)) & 0xF;
        return (byte) ~(sign | segment << 4 | step);
    }

    public static short ulawToLinear(byte code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 7;
        int magnitude = ((2 * (bits & 0xF) + ULAW_BIAS) << segment) - ULAW_BIAS;
        return (short) ((bits & 0x80) != 0 ? -(magnitude << 2) : magnitude << 2);
    }

    public static byte linearToAlaw(int sample) {
        int sign = sample < 0 ? 0 : 0x80;
        int magnitude = (sample < 0 ? ~sample : sample) >> 4;
        int segment = magnitude < 16 ? 0 : 31 - Integer.numberOfLeadingZeros(magnitude) - 3;
        int step = segment == 0 ? magnitude : (magnitude >> (segment - 1)) & 0xF;
        return (byte) ((sign | segment << 4 | step) ^ 0x55);
    }

    public static short alawToLinear(byte code) {
        int bits = (code ^ 0x55) & 0xFF;
        int segment = (bits >> 4) & 7;
        int step = bits & 0xF;
        int magnitude = segment == 0 ? (step << 4) + 8 : (((step + 16) << 4) + 8) << (segment - 1);
        return (short) ((bits & 0x80) != 0 ? magnitude : -magnitude);
    }
}
