package dev.ataemu.media.codec.ilbc;

/**
 * The frame's bit order (RFC 3951 section 3.8): every index is split into up to three parts by
 * perceptual importance (ULP classes), its most significant bits in the first class; all fields'
 * class-1 parts come first, then class 2, then class 3, each most significant bit first. The last
 * bit of the frame is 0; a 1 there marks a frame the sender knew to be empty.
 */
final class BitStream {

    private static final int[][] LSF = {{6, 0, 0}, {7, 0, 0}, {7, 0, 0}};
    private static final int[] STATE_FIRST = {1, 0, 0};
    private static final int[] PEAK = {6, 0, 0};
    private static final int[] STATE_SAMPLE = {0, 1, 2};

    private static final int[] START_20 = {2, 0, 0};
    private static final int[][] EXTRA_INDEX_20 = {{6, 0, 1}, {0, 0, 7}, {0, 0, 7}};
    private static final int[][] EXTRA_GAIN_20 = {{2, 0, 3}, {1, 1, 2}, {0, 0, 3}};
    private static final int[][][] INDEX_20 = {{{7, 0, 1}, {0, 0, 7}, {0, 0, 7}}, {{0, 0, 8}, {0, 0, 8}, {0, 0, 8}}};
    private static final int[][][] GAIN_20 = {{{1, 2, 2}, {1, 1, 2}, {0, 0, 3}}, {{1, 1, 3}, {0, 2, 2}, {0, 0, 3}}};

    private static final int[] START_30 = {3, 0, 0};
    private static final int[][] EXTRA_INDEX_30 = {{4, 2, 1}, {0, 0, 7}, {0, 0, 7}};
    private static final int[][] EXTRA_GAIN_30 = {{1, 1, 3}, {1, 1, 2}, {0, 0, 3}};
    private static final int[][][] INDEX_30 = {
        {{6, 1, 1}, {0, 0, 7}, {0, 0, 7}}, {{0, 7, 1}, {0, 0, 8}, {0, 0, 8}},
        {{0, 7, 1}, {0, 0, 8}, {0, 0, 8}}, {{0, 7, 1}, {0, 0, 8}, {0, 0, 8}}};
    private static final int[][][] GAIN_30 = {
        {{1, 2, 2}, {1, 2, 1}, {0, 0, 3}}, {{0, 2, 3}, {0, 2, 2}, {0, 0, 3}},
        {{0, 1, 4}, {0, 1, 3}, {0, 0, 3}}, {{0, 1, 4}, {0, 1, 3}, {0, 0, 3}}};

    private BitStream() {
    }

    /** One pass over the fields in transmission order; {@code bits} are the field's three class widths. */
    private interface FieldVisitor {
        void field(int[] values, int at, int[] bits);
    }

    private static void fields(IlbcMode mode, FrameParameters p, FieldVisitor v) {
        boolean short20 = mode == IlbcMode.MS_20;
        int[] start = {p.start};
        int[] first = {p.stateFirst};
        int[] peak = {p.peakIndex};
        for (int k = 0; k < 3 * mode.lpcSets; k++) {
            v.field(p.lsf, k, LSF[k % 3]);
        }
        v.field(start, 0, short20 ? START_20 : START_30);
        v.field(first, 0, STATE_FIRST);
        v.field(peak, 0, PEAK);
        for (int k = 0; k < mode.stateShortLength; k++) {
            v.field(p.state, k, STATE_SAMPLE);
        }
        for (int k = 0; k < Frame.STAGES; k++) {
            v.field(p.index[0], k, (short20 ? EXTRA_INDEX_20 : EXTRA_INDEX_30)[k]);
        }
        for (int k = 0; k < Frame.STAGES; k++) {
            v.field(p.gain[0], k, (short20 ? EXTRA_GAIN_20 : EXTRA_GAIN_30)[k]);
        }
        for (int i = 0; i < mode.codedSubframes; i++) {
            for (int k = 0; k < Frame.STAGES; k++) {
                v.field(p.index[i + 1], k, (short20 ? INDEX_20 : INDEX_30)[i][k]);
            }
        }
        for (int i = 0; i < mode.codedSubframes; i++) {
            for (int k = 0; k < Frame.STAGES; k++) {
                v.field(p.gain[i + 1], k, (short20 ? GAIN_20 : GAIN_30)[i][k]);
            }
        }
        p.start = start[0];
        p.stateFirst = first[0];
        p.peakIndex = peak[0];
    }

    static void pack(IlbcMode mode, FrameParameters p, byte[] out, int offset) {
        java.util.Arrays.fill(out, offset, offset + mode.bytes, (byte) 0);
        Writer w = new Writer(out, offset);
        for (int ulp = 0; ulp < 3; ulp++) {
            int u = ulp;
            fields(mode, p, (values, at, bits) -> {
                int later = 0;
                for (int c = u + 1; c < 3; c++) {
                    later += bits[c];
                }
                w.write((values[at] >> later) & ((1 << bits[u]) - 1), bits[u]);
            });
        }
        w.write(0, 1);
    }

    /** Reads a frame; false when its last bit marks it empty. */
    static boolean unpack(IlbcMode mode, byte[] in, int offset, FrameParameters p) {
        Reader r = new Reader(in, offset);
        for (int ulp = 0; ulp < 3; ulp++) {
            int u = ulp;
            fields(mode, p, (values, at, bits) -> {
                int previous = u == 0 ? 0 : values[at];
                values[at] = (previous << bits[u]) | r.read(bits[u]);
            });
        }
        return r.read(1) == 0;
    }

    private static final class Writer {
        private final byte[] out;
        private int bit;

        Writer(byte[] out, int offset) {
            this.out = out;
            this.bit = offset * 8;
        }

        void write(int value, int bits) {
            for (int b = bits - 1; b >= 0; b--, bit++) {
                if (((value >> b) & 1) != 0) {
                    out[bit >> 3] |= (byte) (0x80 >> (bit & 7));
                }
            }
        }
    }

    private static final class Reader {
        private final byte[] in;
        private int bit;

        Reader(byte[] in, int offset) {
            this.in = in;
            this.bit = offset * 8;
        }

        int read(int bits) {
            int value = 0;
            for (int b = 0; b < bits; b++, bit++) {
                value = (value << 1) | ((in[bit >> 3] >> (7 - (bit & 7))) & 1);
            }
            return value;
        }
    }
}
