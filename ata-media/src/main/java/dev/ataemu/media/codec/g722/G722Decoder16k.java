package dev.ataemu.media.codec.g722;

/** The G.722 decoder proper (mode 1, 64 kbit/s): one 8-bit codeword to two 16 kHz samples. */
final class G722Decoder16k {

    /** RIL4 mapping of the 4 most significant lower-band bits to the 4-bit quantizer level. */
    private static final int[] RIL4 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
    /** OQ4: the 4-bit inverse quantizer that drives the lower band's adaptation. */
    private static final int[] OQ4 = {0, 150, 323, 530, 786, 1121, 1612, 2557};
    /** WL: the lower band's scale-factor multipliers. */
    private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
    /** RIL6 and OQ6: the 6-bit inverse quantizer that gives the lower band's output in mode 1. */
    private static final int[] RIL6 = {
        1, 1, 1, 1, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3,
        30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 1};
    private static final int[] OQ6 = {
        0, 17, 54, 91, 130, 170, 211, 254, 300, 347, 396, 447, 501, 558, 618, 682,
        750, 822, 899, 982, 1072, 1170, 1279, 1399, 1535, 1689, 1873, 2088, 2376, 2738, 3101};
    /** IH2, OQ2 and WH: the upper band's level, inverse quantizer and scale-factor multipliers. */
    private static final int[] IH2 = {2, 1, 2, 1};
    private static final int[] OQ2 = {0, 202, 926};
    private static final int[] WH = {0, -214, 798};

    private final SubBand lower = SubBand.lower();
    private final SubBand upper = SubBand.upper();
    private final int[] delay = new int[24];

    /** Decodes one codeword into {@code out[offset]} and {@code out[offset + 1]}. */
    void decode(int code, short[] out, int offset) {
        int il = code & 63;
        int ih = (code >> 6) & 3;

        int rl = SubBand.limit(SubBand.add(lower.s, SubBand.mult(lower.det, signed(OQ6[RIL6[il]] << 3, il < 32 || il >= 62))));
        adaptLower(lower, il);

        int dh = upperDifference(upper, ih);
        int rh = SubBand.limit(SubBand.add(upper.s, dh));
        adaptUpper(upper, ih);

        System.arraycopy(delay, 0, delay, 2, 22);
        delay[1] = SubBand.add(rl, rh);
        delay[0] = SubBand.add(rl, -rh);
        long even = 0;
        long odd = 0;
        for (int i = 0; i < 12; i++) {
            even += (long) G722Encoder16k.coefficient(2 * i) * delay[2 * i];
            odd += (long) G722Encoder16k.coefficient(2 * i + 1) * delay[2 * i + 1];
        }
        out[offset] = (short) SubBand.saturate((int) (even >> 11));
        out[offset + 1] = (short) SubBand.saturate((int) (odd >> 11));
    }

    /** INVQAL, LOGSCL, SCALEL and the predictor, shared by the encoder and decoder. */
    static void adaptLower(SubBand band, int il) {
        int ril = il >> 2;
        int dlt = SubBand.mult(band.det, signed(OQ4[RIL4[ril]] << 3, ril < 8));
        band.scale(WL[RIL4[ril]]);
        band.adapt(dlt);
    }

    /** INVQAH, LOGSCH, SCALEH and the predictor, shared by the encoder and decoder. */
    static void adaptUpper(SubBand band, int ih) {
        int dh = upperDifference(band, ih);
        band.scale(WH[IH2[ih]]);
        band.adapt(dh);
    }

    private static int upperDifference(SubBand band, int ih) {
        return SubBand.mult(signed(OQ2[IH2[ih]] << 3, ih < 2), band.det);
    }

    private static int signed(int magnitude, boolean negative) {
        return negative ? -magnitude : magnitude;
    }
}
