package dev.ataemu.media.codec.g722;

/**
 * One G.722 sub-band's ADPCM state: the quantizer scale factor and the adaptive predictor with two
 * poles and six zeros. Arithmetic is the recommendation's 16-bit saturating arithmetic.
 */
final class SubBand {

    /** ILB: one octave of the antilog that turns the logarithmic scale factor into DETL and DETH. */
    private static final int[] ILB = {
        2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
        2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008};

    private final int maxLogScale;
    private final int antilogShift;

    /** Quantizer scale factor (DETL, DETH) and its logarithm (NBL, NBH). */
    int det;
    private int nb;
    /** Signal estimate (SL, SH) and its zero-section part (SZL, SZH). */
    int s;
    private int sz;
    private int a1;
    private int a2;
    private final int[] b = new int[7];
    private final int[] d = new int[7];
    private int p1;
    private int p2;
    private int r1;
    private int r2;

    private SubBand(int det, int maxLogScale, int antilogShift) {
        this.det = det;
        this.maxLogScale = maxLogScale;
        this.antilogShift = antilogShift;
    }

    static SubBand lower() {
        return new SubBand(32, 18432, 8);
    }

    static SubBand upper() {
        return new SubBand(8, 22528, 10);
    }

    /** LOGSCL/LOGSCH and SCALEL/SCALEH: adapts the scale factor by the codeword's multiplier. */
    void scale(int multiplier) {
        nb = Math.max(0, Math.min(maxLogScale, add(mult(nb, 32512), multiplier)));
        int shift = antilogShift - (nb >> 11);
        int antilog = ILB[(nb >> 6) & 31];
        det = (shift >= 0 ? antilog >> shift : antilog << -shift) << 2;
    }

    /**
     * PARREC, RECONS, UPZERO, UPPOL2, UPPOL1, FILTEZ, FILTEP and PREDIC for the quantized
     * difference {@code dq}; leaves the next signal estimate in {@link #s}.
     */
    void adapt(int dq) {
        int p0 = add(dq, sz);
        int r0 = add(s, dq);

        d[0] = dq;
        int step = dq == 0 ? 0 : 128;
        for (int i = 6; i > 0; i--) {
            int sameSign = (d[i] >> 15) == (dq >> 15) ? step : -step;
            b[i] = add(sameSign, mult(b[i], 32640));
            d[i] = d[i - 1];
        }

        int sg0 = p0 >> 15;
        int wd = shl2(a1);
        wd = (sg0 == p1 >> 15 ? saturate(-wd) : wd) >> 7;
        int a2New = add(add(wd, sg0 == p2 >> 15 ? 128 : -128), mult(a2, 32512));
        a2New = Math.max(-12288, Math.min(12288, a2New));

        int a1New = add(sg0 == p1 >> 15 ? 192 : -192, mult(a1, 32640));
        int limit = add(15360, -a2New);
        a1New = Math.max(-limit, Math.min(limit, a1New));
        a1 = a1New;
        a2 = a2New;
        p2 = p1;
        p1 = p0;

        int zeros = 0;
        for (int i = 6; i > 0; i--) {
            zeros = add(zeros, mult(add(d[i], d[i]), b[i]));
        }
        sz = zeros;
        r2 = r1;
        r1 = r0;
        int poles = add(mult(a1, add(r1, r1)), mult(a2, add(r2, r2)));
        s = add(poles, sz);
    }

    static int add(int x, int y) {
        return saturate(x + y);
    }

    static int mult(int x, int y) {
        return saturate((x * y) >> 15);
    }

    private static int shl2(int x) {
        return saturate(x << 2);
    }

    static int saturate(int x) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, x));
    }

    static int limit(int x) {
        return Math.max(-16384, Math.min(16383, x));
    }
}
