package dev.ataemu.media.codec.ilbc;

/**
 * The adaptive codebook of RFC 3951 section 3.6.3, built from the last {@code lMem} samples of
 * decoded residual. Its first half holds every {@code len}-sample stretch of the memory (index 0 is
 * the most recent) and, for 40-sample vectors, 20 more made by repeating the last 20 to 39 samples
 * with a short cross-fade; its second half is the same built from the memory passed through an
 * 8-tap filter.
 */
final class Codebook {

    private Codebook() {
    }

    /** The number of vectors in one half of the codebook. */
    static int halfSize(int lMem, int len) {
        return lMem - len + 1 + (len == Frame.SUBFRAME ? Frame.SUBFRAME / 2 : 0);
    }

    /** The codebook memory passed through the expansion filter (zeros outside it). */
    static float[] filtered(float[] mem, int off, int lMem) {
        float[] f = QuantizerTables.CODEBOOK_FILTER;
        float[] out = new float[lMem];
        for (int m = 0; m < lMem; m++) {
            float v = 0;
            for (int j = 0; j < f.length; j++) {
                int at = m - 3 + j;
                if (at >= 0 && at < lMem) {
                    v += mem[off + at] * f[f.length - 1 - j];
                }
            }
            out[m] = v;
        }
        return out;
    }

    /** Writes vector {@code index} of the codebook over {@code mem[off..off+lMem)} into {@code out}. */
    static void vector(float[] mem, int off, int lMem, int index, int len, float[] out, int outOff) {
        int half = halfSize(lMem, len);
        if (index < half) {
            sectionVector(mem, off, lMem, index, len, out, outOff);
        } else {
            sectionVector(filtered(mem, off, lMem), 0, lMem, index - half, len, out, outOff);
        }
    }

    /** A vector from one half: a plain stretch, or (index past the stretches) an augmented vector. */
    static void sectionVector(float[] buf, int off, int lMem, int index, int len, float[] out, int outOff) {
        int plain = lMem - len + 1;
        if (index < plain) {
            System.arraycopy(buf, off + lMem - len - index, out, outOff, len);
        } else {
            augmented(buf, off + lMem, index - plain + Frame.SUBFRAME / 2, out, outOff);
        }
    }

    /**
     * The last {@code lag} samples before {@code end}, repeated to fill 40 samples; the five samples
     * before the repetition cross-fade into it.
     */
    static void augmented(float[] buf, int end, int lag, float[] out, int outOff) {
        int low = lag - 5;
        System.arraycopy(buf, end - lag, out, outOff, low);
        float alpha = 0f;
        for (int j = low; j < lag; j++) {
            out[outOff + j] = (1f - alpha) * buf[end - lag + j] + alpha * buf[end - 2 * lag + j];
            alpha += 0.2f;
        }
        System.arraycopy(buf, end - lag, out, outOff + lag, Frame.SUBFRAME - lag);
    }

    /** Decodes a codebook-coded vector: the sum of three stages' vectors times their gains. */
    static void construct(float[] mem, int off, int lMem, int[] index, int[] gainIndex, int len, float[] out, int outOff) {
        float[] gains = Gains.dequantize(gainIndex);
        float[] v = new float[len];
        java.util.Arrays.fill(out, outOff, outOff + len, 0f);
        for (int k = 0; k < Frame.STAGES; k++) {
            vector(mem, off, lMem, index[k], len, v, 0);
            for (int j = 0; j < len; j++) {
                out[outOff + j] += gains[k] * v[j];
            }
        }
    }
}
