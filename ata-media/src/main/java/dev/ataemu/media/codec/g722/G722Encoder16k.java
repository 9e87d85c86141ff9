package dev.ataemu.media.codec.g722;

/** The G.722 encoder proper: 16 kHz samples in pairs to one 8-bit codeword (mode 1, 64 kbit/s). */
final class G722Encoder16k {

    /** QMF coefficients h0..h11 (h23..h12 mirror them). */
    static final int[] QMF = {3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876};

    /** Q6 decision levels of the lower band's 6-bit quantizer (in units of DETL / 4096). */
    private static final int[] Q6 = {
        0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
        786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919};
    /** ILN and ILP: the 6-bit codeword for a negative or positive difference of each level MIL. */
    private static final int[] ILN = {
        63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,
        17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4};
    private static final int[] ILP = {
        61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46,
        45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32};
    private static final int Q2 = 564;

    private final SubBand lower = SubBand.lower();
    private final SubBand upper = SubBand.upper();
    private final int[] delay = new int[24];

    /** Codes two consecutive 16 kHz samples. */
    int encode(int first, int second) {
        System.arraycopy(delay, 0, delay, 2, 22);
        delay[1] = first;
        delay[0] = second;
        long even = 0;
        long odd = 0;
        for (int i = 0; i < 12; i++) {
            even += (long) coefficient(2 * i) * delay[2 * i];
            odd += (long) coefficient(2 * i + 1) * delay[2 * i + 1];
        }
        int xl = SubBand.limit(SubBand.saturate((int) ((even + odd) >> 14)));
        int xh = SubBand.limit(SubBand.saturate((int) ((even - odd) >> 14)));
        return encodeUpper(xh) << 6 | encodeLower(xl);
    }

    static int coefficient(int i) {
        return QMF[i < 12 ? i : 23 - i];
    }

    private int encodeLower(int xl) {
        int el = SubBand.add(xl, -lower.s);
        int wd = el >= 0 ? el : Short.MAX_VALUE - (el & Short.MAX_VALUE);
        int level = 0;
        while (level < Q6.length - 1 && (Q6[level + 1] * lower.det) >> 12 <= wd) {
            level++;
        }
        int il = el < 0 ? ILN[level] : ILP[level];
        G722Decoder16k.adaptLower(lower, il);
        return il;
    }

    private int encodeUpper(int xh) {
        int eh = SubBand.add(xh, -upper.s);
        int wd = eh >= 0 ? eh : Short.MAX_VALUE - (eh & Short.MAX_VALUE);
        boolean outer = wd >= (Q2 * upper.det) >> 12;
        int ih = eh < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);
        G722Decoder16k.adaptUpper(upper, ih);
        return ih;
    }
}
