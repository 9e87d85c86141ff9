package dev.ataemu.media.codec.ilbc;

/**
 * Line spectral frequencies (RFC 3951 sections 3.2.3 to 3.2.6): conversion from and to LPC
 * coefficients, the split VQ, the stability check and the per-sub-frame interpolation. LSFs are in
 * radians, 0 to pi.
 */
final class Lsf {

    private static final float TWO_PI = 6.283185307f;
    private static final float[] GRID_STEPS = {0.00635f, 0.003175f, 0.0015875f, 0.00079375f};
    private static final float FLOAT_MAX = 1.0e37f;

    private Lsf() {
    }

    /**
     * The LSFs of {@code a}: the roots of the symmetric and antisymmetric polynomials, found
     * alternately on a grid over normalised frequency and refined by halving the grid step three times.
     */
    static void fromLpc(float[] a, float[] freq, int freqOff) {
        int half = Frame.ORDER / 2;
        float[] p = new float[half];
        float[] q = new float[half];
        for (int i = 0; i < half; i++) {
            p[i] = -(a[i + 1] + a[Frame.ORDER - i]);
            q[i] = a[Frame.ORDER - i] - a[i + 1];
        }
        float[] pPre = new float[half];
        float[] qPre = new float[half];
        pPre[0] = -1f - p[0];
        qPre[0] = 1f - q[0];
        for (int i = 1; i < half; i++) {
            pPre[i] = -pPre[i - 1] - p[i];
            qPre[i] = qPre[i - 1] - q[i];
        }
        pPre[half - 1] /= 2;
        qPre[half - 1] /= 2;

        float omega = 0;
        float oldOmega = 0;
        float[] old = {FLOAT_MAX, FLOAT_MAX};
        for (int root = 0; root < Frame.ORDER; root++) {
            float[] pq = (root & 1) == 0 ? pPre : qPre;
            int which = root & 1;
            int step = 0;
            while (step < GRID_STEPS.length) {
                float value = chebyshev(omega, pq);
                if (value * old[which] <= 0 || omega >= 0.5f) {
                    if (step == GRID_STEPS.length - 1) {
                        freq[freqOff + root] = Math.abs(value) >= Math.abs(old[which]) ? omega - GRID_STEPS[step] : omega;
                        old[which] = old[which] >= 0 ? -FLOAT_MAX : FLOAT_MAX;
                        omega = oldOmega;
                        step = GRID_STEPS.length;
                    } else {
                        if (step == 0) {
                            oldOmega = omega;
                        }
                        step++;
                        omega -= GRID_STEPS[step];
                    }
                } else {
                    old[which] = value;
                    omega += GRID_STEPS[step];
                }
            }
        }
        for (int i = 0; i < Frame.ORDER; i++) {
            freq[freqOff + i] *= TWO_PI;
        }
    }

    /** cos(5w) + pq0 cos(4w) + ... + pq4 (w = 2 pi omega), by the Chebyshev recursion. */
    private static float chebyshev(float omega, float[] pq) {
        float x = (float) Math.cos(omega * TWO_PI);
        float b1 = 2f * x + pq[0];
        float b2 = 2f * x * b1 - 1f + pq[1];
        float b3 = 2f * x * b2 - b1 + pq[2];
        float b4 = 2f * x * b3 - b2 + pq[3];
        return x * b4 - b3 + pq[4];
    }

    /** The LPC polynomial (11 coefficients, a[0] = 1) of the LSFs {@code lsf} (left unchanged). */
    static void toLpc(float[] lsf, float[] a, int aOff) {
        int half = Frame.ORDER / 2;
        float[] f = new float[Frame.ORDER];
        for (int i = 0; i < Frame.ORDER; i++) {
            f[i] = lsf[i] * 0.159154943f;
        }
        // ill-conditioned input: spread the frequencies evenly between sane end points
        if (f[0] <= 0 || f[Frame.ORDER - 1] >= 0.5f) {
            if (f[0] <= 0) {
                f[0] = 0.022f;
            }
            if (f[Frame.ORDER - 1] >= 0.5f) {
                f[Frame.ORDER - 1] = 0.499f;
            }
            float step = (f[Frame.ORDER - 1] - f[0]) / (Frame.ORDER - 1);
            for (int i = 1; i < Frame.ORDER; i++) {
                f[i] = f[i - 1] + step;
            }
        }
        float[] p = new float[half];
        float[] q = new float[half];
        for (int i = 0; i < half; i++) {
            p[i] = (float) Math.cos(TWO_PI * f[2 * i]);
            q[i] = (float) Math.cos(TWO_PI * f[2 * i + 1]);
        }
        // the impulse response of the two product filters, one sample per output coefficient
        float[] pa = new float[half + 1];
        float[] pb = new float[half + 1];
        float[] a1 = new float[half];
        float[] a2 = new float[half];
        float[] b1 = new float[half];
        float[] b2 = new float[half];
        pa[0] = 0.25f;
        pb[0] = 0.25f;
        for (int i = 0; i < half; i++) {
            pa[i + 1] = pa[i] - 2 * p[i] * a1[i] + a2[i];
            pb[i + 1] = pb[i] - 2 * q[i] * b1[i] + b2[i];
            a2[i] = a1[i];
            a1[i] = pa[i];
            b2[i] = b1[i];
            b1[i] = pb[i];
        }
        for (int j = 0; j < Frame.ORDER; j++) {
            pa[0] = j == 0 ? 0.25f : 0f;
            pb[0] = j == 0 ? -0.25f : 0f;
            for (int i = 0; i < half; i++) {
                pa[i + 1] = pa[i] - 2 * p[i] * a1[i] + a2[i];
                pb[i + 1] = pb[i] - 2 * q[i] * b1[i] + b2[i];
                a2[i] = a1[i];
                a1[i] = pa[i];
                b2[i] = b1[i];
                b1[i] = pb[i];
            }
            a[aOff + j + 1] = 2 * (pa[half] + pb[half]);
        }
        a[aOff] = 1f;
    }

    /** Split VQ of one LSF vector at {@code off}: nearest codeword of each split, by squared error. */
    static void quantize(float[] lsf, int off, float[] quantized, int[] index, int indexOff) {
        int cbPos = 0;
        int pos = 0;
        for (int s = 0; s < 3; s++) {
            int dim = LsfTables.SPLIT_DIMENSION[s];
            int best = 0;
            float bestDistance = Float.MAX_VALUE;
            for (int j = 0; j < LsfTables.SPLIT_SIZE[s]; j++) {
                float d = 0;
                for (int i = 0; i < dim; i++) {
                    float e = lsf[off + pos + i] - LsfTables.CODEBOOK[cbPos + j * dim + i];
                    d += e * e;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            index[indexOff + s] = best;
            System.arraycopy(LsfTables.CODEBOOK, cbPos + best * dim, quantized, off + pos, dim);
            pos += dim;
            cbPos += dim * LsfTables.SPLIT_SIZE[s];
        }
    }

    static void dequantize(int[] index, int indexOff, float[] lsf, int off) {
        int cbPos = 0;
        int pos = 0;
        for (int s = 0; s < 3; s++) {
            int dim = LsfTables.SPLIT_DIMENSION[s];
            System.arraycopy(LsfTables.CODEBOOK, cbPos + index[indexOff + s] * dim, lsf, off + pos, dim);
            pos += dim;
            cbPos += dim * LsfTables.SPLIT_SIZE[s];
        }
    }

    /** Forces a minimum spacing of about 50 Hz and the 0 to 4 kHz range, so the filters stay stable. */
    static void stabilize(float[] lsf, int sets) {
        float eps = 0.039f;
        float eps2 = 0.0195f;
        for (int pass = 0; pass < 2; pass++) {
            for (int m = 0; m < sets; m++) {
                for (int k = 0; k < Frame.ORDER - 1; k++) {
                    int pos = m * Frame.ORDER + k;
                    if (lsf[pos + 1] - lsf[pos] < eps) {
                        if (lsf[pos + 1] < lsf[pos]) {
                            lsf[pos + 1] = lsf[pos] + eps2;
                            lsf[pos] = lsf[pos + 1] - eps2;
                        } else {
                            lsf[pos] -= eps2;
                            lsf[pos + 1] += eps2;
                        }
                    }
                    lsf[pos] = Math.max(lsf[pos], 0.01f);
                    lsf[pos] = Math.min(lsf[pos], 3.14f);
                }
            }
        }
    }

    /** The LPC polynomial of {@code weight * lsf1 + (1 - weight) * lsf2}. */
    static void interpolateToLpc(float[] lsf1, int off1, float[] lsf2, int off2, float weight, float[] a, int aOff) {
        float[] mix = new float[Frame.ORDER];
        for (int i = 0; i < Frame.ORDER; i++) {
            mix[i] = weight * lsf1[off1 + i] + (1f - weight) * lsf2[off2 + i];
        }
        toLpc(mix, a, aOff);
    }

    /**
     * One LPC polynomial per sub-frame (11 coefficients each into {@code out}), interpolated between
     * the previous frame's last LSF set {@code old} and this frame's sets in {@code lsf}: a 20 ms frame
     * moves from the old set to its one set; a 30 ms frame's first sub-frame is halfway from the old
     * set to its first, the others move from its first set to its second.
     */
    static void perSubframe(IlbcMode mode, float[] old, float[] lsf, float[] out) {
        for (int i = 0; i < mode.subframes; i++) {
            float w = mode.lsfWeights[i];
            int at = i * (Frame.ORDER + 1);
            if (mode == IlbcMode.MS_20 || i == 0) {
                interpolateToLpc(old, 0, lsf, 0, w, out, at);
            } else {
                interpolateToLpc(lsf, 0, lsf, Frame.ORDER, w, out, at);
            }
        }
    }

    /** Bandwidth expansion: a[i] * chirp^i. */
    static void chirp(float[] in, int inOff, float coef, float[] out, int outOff) {
        float c = coef;
        out[outOff] = in[inOff];
        for (int i = 1; i <= Frame.ORDER; i++) {
            out[outOff + i] = c * in[inOff + i];
            c *= coef;
        }
    }
}
