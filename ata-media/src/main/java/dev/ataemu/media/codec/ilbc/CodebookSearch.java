package dev.ataemu.media.codec.ilbc;

/**
 * The encoder's three-stage search of the adaptive codebook (RFC 3951 section 3.6.4), in the
 * perceptually weighted domain: each stage picks the vector of highest normalised correlation with
 * what the earlier stages left of the target, with a gain below 1.3 (positive in stage 1). The
 * filtered half is searched only near the best index of the unfiltered half, which keeps the first
 * sub-block's later stages within the 128 vectors their 7 bits can name.
 */
final class CodebookSearch {

    private static final float MAX_GAIN = 1.3f;
    private static final int RESTRICTED_RANGE = 34;

    private final float[] target;
    private final float[][] vectors;
    private final float[] inverseEnergy;
    private final int half;
    private final int len;
    private int best;
    private float bestMeasure;
    private float bestGain;

    /**
     * Prepares a search for {@code len} samples of {@code residual} at {@code resOff} over the
     * codebook of {@code mem[memOff..memOff+lMem)}, weighted by 1/A(z/0.4222) of {@code weight} at
     * {@code wOff} (starting from rest).
     */
    CodebookSearch(float[] mem, int memOff, int lMem, float[] residual, int resOff, int len, float[] weight, int wOff) {
        this.len = len;
        float[] buf = new float[Frame.ORDER + lMem + len];
        System.arraycopy(mem, memOff, buf, Frame.ORDER, lMem);
        System.arraycopy(residual, resOff, buf, Frame.ORDER + lMem, len);
        Filters.allPole(buf, Frame.ORDER, lMem + len, weight, wOff, Frame.ORDER);
        target = java.util.Arrays.copyOfRange(buf, Frame.ORDER + lMem, Frame.ORDER + lMem + len);
        half = Codebook.halfSize(lMem, len);
        float[] filtered = Codebook.filtered(buf, Frame.ORDER, lMem);
        vectors = new float[2 * half][len];
        inverseEnergy = new float[2 * half];
        for (int i = 0; i < 2 * half; i++) {
            if (i < half) {
                Codebook.sectionVector(buf, Frame.ORDER, lMem, i, len, vectors[i], 0);
            } else {
                Codebook.sectionVector(filtered, 0, lMem, i - half, len, vectors[i], 0);
            }
            float energy = dot(vectors[i], vectors[i]);
            inverseEnergy[i] = energy > 0 ? 1f / (energy + Frame.EPS) : 0f;
        }
    }

    /** Runs the stages; writes the codebook indexes and gain indexes of sub-block {@code block}. */
    void search(int block, int[] index, int[] gainIndex) {
        float targetEnergy = dot(target, target);
        float[] sum = new float[len];
        float[] gains = new float[Frame.STAGES];
        boolean full = len == Frame.SUBFRAME;
        for (int stage = 0; stage < Frame.STAGES; stage++) {
            int range = QuantizerTables.SEARCH_RANGE[block][stage];
            best = 0;
            bestMeasure = -10000000f;
            bestGain = 0;
            for (int i = 0; i < range; i++) {
                consider(i, stage);
            }
            if (full) {
                for (int i = half - 20; i < half; i++) {
                    consider(i, stage);
                }
            }
            int[] r = restrictedRange(best, range, full);
            for (int i = r[0]; i < r[1]; i++) {
                consider(half + i, stage);
            }
            if (full && r[2] != 0) {
                for (int lag = r[2]; lag <= r[3]; lag++) {
                    consider(2 * half - 40 + lag, stage);
                }
            }
            index[stage] = best;
            float gain = bestGain;
            if (stage == 0) {
                gain = Math.min(Math.max(gain, 0f), MAX_GAIN);
                gainIndex[0] = Gains.quantize(gain, 1f, 0);
                gains[0] = Gains.dequantize(gainIndex[0], 1f, 0);
            } else {
                gainIndex[stage] = Gains.quantize(gain, gains[stage - 1], stage);
                gains[stage] = Gains.dequantize(gainIndex[stage], gains[stage - 1], stage);
            }
            float[] v = vectors[best];
            for (int j = 0; j < len; j++) {
                sum[j] += gains[stage] * v[j];
                target[j] -= gains[stage] * v[j];
            }
        }
        // raise the first gain while the coded vector's energy stays below the target's
        float codedEnergy = dot(sum, sum);
        float[] g5 = QuantizerTables.GAIN_5BIT;
        int j = gainIndex[0];
        for (int i = gainIndex[0]; i < g5.length; i++) {
            if (codedEnergy * g5[i] * g5[i] < targetEnergy * gains[0] * gains[0] && g5[j] < 2f * gains[0]) {
                j = i;
            }
        }
        gainIndex[0] = j;
    }

    private void consider(int i, int stage) {
        float cross = dot(target, vectors[i]);
        float measure;
        if (stage == 0) {
            measure = cross > 0 ? cross * cross * inverseEnergy[i] : -10000000f;
        } else {
            measure = cross * cross * inverseEnergy[i];
        }
        float gain = cross * inverseEnergy[i];
        if (measure > bestMeasure && Math.abs(gain) < MAX_GAIN) {
            best = i;
            bestMeasure = measure;
            bestGain = gain;
        }
    }

    /**
     * The part of the filtered half to search around {@code base}: {start, end} of plain vectors
     * and {first, last} lag of augmented ones (first 0 for none), as RFC 3951's reference bounds it.
     */
    private int[] restrictedRange(int base, int range, boolean full) {
        int augStart = 0;
        int augEnd = 0;
        int start = base - RESTRICTED_RANGE / 2;
        int end = start + RESTRICTED_RANGE;
        if (full) {
            if (start < 0) {
                augStart = 40 + start;
                augEnd = 39;
                start = 0;
            } else if (base < half - 20) {
                if (end > range) {
                    start -= end - range;
                    end = range;
                }
            } else if (start < half - 20) {
                augStart = 20;
                start = 0;
                end = 0;
                augEnd = 19 + RESTRICTED_RANGE;
                if (augEnd > 39) {
                    end = augEnd - 39;
                    augEnd = 39;
                }
            } else {
                augStart = 20 + start - (half - 20);
                augEnd = 39;
                start = 0;
                end = RESTRICTED_RANGE - (augEnd - augStart + 1);
            }
        } else {
            if (start < 0) {
                end -= start;
                start = 0;
            }
            if (end > range) {
                start -= end - range;
                end = range;
            }
        }
        return new int[] {start, end, augStart, augEnd};
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
