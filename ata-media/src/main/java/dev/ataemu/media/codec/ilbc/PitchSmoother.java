package dev.ataemu.media.codec.ilbc;

/**
 * The core of the decoder's enhancer (RFC 3951 section 4.6): for one 80-sample block, find the
 * pitch-synchronous segments up to three pitch periods before and after it (at quarter-sample
 * resolution), and replace the block by a weighted mean of them, constrained so that the change
 * stays below a fraction of the block's energy.
 */
final class PitchSmoother {

    static final int BLOCK = 80;
    private static final int HALF_SPAN = 3;
    private static final int SLOP = 2;
    private static final int OVERHANG = 2;
    private static final int UPSAMPLING = 4;
    private static final int HALF_FILTER = 3;
    private static final int VECTOR = BLOCK + 2 * HALF_FILTER;
    private static final float ALPHA = 0.05f;

    private PitchSmoother() {
    }

    /** Enhances {@code data[center..center+80)} into {@code out} at {@code outOff}. */
    static void enhance(float[] data, int center, float[] period, float[] out, int outOff) {
        float[][] segments = segments(data, center, period);
        smooth(segments, out, outOff);
    }

    private static float[][] segments(float[] data, int center, float[] period) {
        float[] locations = QuantizerTables.PITCH_LOCATIONS;
        int n = 2 * HALF_SPAN + 1;
        float[][] seg = new float[n][BLOCK];
        float[] startPos = new float[n];
        int[] lagBlock = new int[n];
        lagBlock[HALF_SPAN] = nearest(locations, 0.5f * (center + center + BLOCK - 1));
        startPos[HALF_SPAN] = center;
        System.arraycopy(data, center, seg[HALF_SPAN], 0, BLOCK);
        for (int q = HALF_SPAN - 1; q >= 0; q--) {
            float p = period[lagBlock[q + 1]];
            startPos[q] = startPos[q + 1] - p;
            lagBlock[q] = nearest(locations, startPos[q] + BLOCK / 2f - p);
            if (startPos[q] - OVERHANG >= 0) {
                startPos[q] = refine(seg[q], data, center, startPos[q]);
            }
        }
        float[] shifted = new float[locations.length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = locations[i] - period[i];
        }
        for (int q = HALF_SPAN + 1; q < n; q++) {
            lagBlock[q] = nearest(shifted, startPos[q - 1] + BLOCK / 2f);
            startPos[q] = startPos[q - 1] + period[lagBlock[q]];
            if (startPos[q] + BLOCK + OVERHANG < data.length) {
                startPos[q] = refine(seg[q], data, center, startPos[q]);
            }
        }
        return seg;
    }

    /**
     * Finds, within two samples of {@code estimate}, the segment best correlated with the centre
     * block, at quarter-sample resolution; writes it (interpolated) into {@code seg} and returns its
     * refined start.
     */
    private static float refine(float[] seg, float[] data, int center, float estimate) {
        int rounded = (int) (estimate - 0.5f);
        int searchStart = Math.max(rounded - SLOP, 0);
        int searchEnd = rounded + SLOP;
        if (searchEnd + BLOCK >= data.length) {
            searchEnd = data.length - BLOCK - 1;
        }
        int dim = searchEnd - searchStart + 1;
        float[] corr = new float[dim];
        for (int i = 0; i < dim; i++) {
            float s = 0;
            for (int j = 0; j < BLOCK; j++) {
                s += data[searchStart + i + j] * data[center + j];
            }
            corr[i] = s;
        }
        float[] up = upsample(corr);
        int best = 0;
        for (int i = 1; i < up.length; i++) {
            if (up[i] > up[best]) {
                best = i;
            }
        }
        float refined = searchStart + (float) best / UPSAMPLING + 1f;
        int whole = (best + UPSAMPLING - 1) / UPSAMPLING;
        int st = searchStart + whole - HALF_FILTER;
        float[] vect = new float[VECTOR];
        for (int i = 0; i < VECTOR; i++) {
            int at = st + i;
            vect[i] = at >= 0 && at < data.length ? data[at] : 0f;
        }
        int fraction = whole * UPSAMPLING - best;
        int taps = 2 * HALF_FILTER + 1;
        for (int i = 0; i < BLOCK; i++) {
            float s = 0;
            for (int j = 0; j < taps; j++) {
                s += vect[i + j] * QuantizerTables.POLYPHASE[taps * fraction + j];
            }
            seg[i] = s;
        }
        return refined;
    }

    /** Upsamples by four with the polyphase filters, zeros outside the sequence (shortened filters for short input). */
    static float[] upsample(float[] x) {
        int dim = x.length;
        int hfl = HALF_FILTER;
        int length = 2 * hfl + 1;
        int skip = 0;
        if (length > dim) {
            int hfl2 = dim / 2;
            skip = hfl - hfl2;
            hfl = hfl2;
            length = 2 * hfl + 1;
        }
        float[] out = new float[UPSAMPLING * dim];
        int o = 0;
        for (int i = hfl; i < length; i++) {
            for (int j = 0; j < UPSAMPLING; j++) {
                out[o++] = tap(x, i, 0, i + 1, j, skip);
            }
        }
        for (int i = length; i < dim; i++) {
            for (int j = 0; j < UPSAMPLING; j++) {
                out[o++] = tap(x, i, 0, length, j, skip);
            }
        }
        for (int q = 1; q <= hfl; q++) {
            for (int j = 0; j < UPSAMPLING; j++) {
                out[o++] = tap(x, dim - 1, q, length - q, j, skip);
            }
        }
        return out;
    }

    /** sum over k < count of x[last - k] * polyphase row {@code phase} at tap skip + first + k. */
    private static float tap(float[] x, int last, int first, int count, int phase, int skip) {
        float s = 0;
        int row = phase * (2 * HALF_FILTER + 1) + skip + first;
        for (int k = 0; k < count; k++) {
            s += x[last - k] * QuantizerTables.POLYPHASE[row + k];
        }
        return s;
    }

    /**
     * The weighted mean of the other segments (raised-cosine weights), scaled to the block's
     * energy; if that moves the block by more than ALPHA of its energy, the mix of block and mean
     * that moves it exactly that much.
     */
    private static void smooth(float[][] seg, float[] out, int outOff) {
        int hl = HALF_SPAN;
        float[] wt = new float[2 * hl + 1];
        for (int i = 1; i <= 2 * hl + 1; i++) {
            wt[i - 1] = 0.5f * (1 - (float) Math.cos(2 * (float) Math.PI * i / (2 * hl + 2)));
        }
        wt[hl] = 0f;
        float[] surround = new float[BLOCK];
        for (int k = 0; k <= 2 * hl; k++) {
            if (k == hl) {
                continue;
            }
            for (int i = 0; i < BLOCK; i++) {
                surround[i] += seg[k][i] * wt[k];
            }
        }
        float[] current = seg[hl];
        float w00 = 0;
        float w10 = 0;
        float w11 = 0;
        for (int i = 0; i < BLOCK; i++) {
            w00 += current[i] * current[i];
            w11 += surround[i] * surround[i];
            w10 += surround[i] * current[i];
        }
        if (Math.abs(w11) < 1f) {
            w11 = 1f;
        }
        float c = (float) Math.sqrt(w00 / w11);
        float errs = 0;
        for (int i = 0; i < BLOCK; i++) {
            out[outOff + i] = c * surround[i];
            float e = current[i] - out[outOff + i];
            errs += e * e;
        }
        if (errs > ALPHA * w00) {
            if (w00 < 1) {
                w00 = 1;
            }
            float denom = (w11 * w00 - w10 * w10) / (w00 * w00);
            float a;
            float b;
            if (denom > 0.0001f) {
                a = (float) Math.sqrt((ALPHA - ALPHA * ALPHA / 4) / denom);
                b = -ALPHA / 2 - a * w10 / w00 + 1;
            } else {
                a = 0f;
                b = 1f;
            }
            for (int i = 0; i < BLOCK; i++) {
                out[outOff + i] = a * surround[i] + b * current[i];
            }
        }
    }

    static int nearest(float[] array, float value) {
        int best = 0;
        float bestCrit = (array[0] - value) * (array[0] - value);
        for (int i = 1; i < array.length; i++) {
            float c = (array[i] - value) * (array[i] - value);
            if (c < bestCrit) {
                bestCrit = c;
                best = i;
            }
        }
        return best;
    }
}
