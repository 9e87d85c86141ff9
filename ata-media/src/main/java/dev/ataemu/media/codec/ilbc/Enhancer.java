package dev.ataemu.media.codec.ilbc;

/**
 * The decoder's enhancer (RFC 3951 section 4.6) with its history: the last 640 samples of decoded
 * residual and a pitch estimate for each 80-sample block of it, from a correlation search on the
 * signal decimated by two. It works one block behind (40 samples for 20 ms frames, 80 for 30 ms),
 * so that pitch periods after the enhanced block are known; after a concealed frame, it first
 * cross-fades the concealed tail with a backward prediction from the new frame.
 */
final class Enhancer {

    private static final int BUFFER = 8 * PitchSmoother.BLOCK;
    private static final int EXTRA_BLOCKS = 5;

    private final IlbcMode mode;
    private final float[] buffer = new float[BUFFER];
    private final float[] period = new float[8];

    Enhancer(IlbcMode mode) {
        this.mode = mode;
        java.util.Arrays.fill(period, 40f);
    }

    /** Enhances one frame of residual {@code in} into {@code out}; returns the pitch lag for concealment. */
    int enhance(float[] in, float[] out, boolean afterConcealment) {
        int block = mode.block;
        System.arraycopy(buffer, block, buffer, 0, BUFFER - block);
        System.arraycopy(in, 0, buffer, BUFFER - block, block);
        int offset = mode == IlbcMode.MS_20 ? 1 : 0;
        int newBlocks = 3 - offset;
        System.arraycopy(period, newBlocks, period, 0, period.length - newBlocks);

        int inLength = 3 * PitchSmoother.BLOCK + 120 - offset * PitchSmoother.BLOCK;
        float[] decimated = new float[inLength / 2];
        Filters.downsample(buffer, (EXTRA_BLOCKS + offset) * PitchSmoother.BLOCK - 120, inLength, decimated);
        int lag = 10;
        for (int b = 0; b < newBlocks; b++) {
            int at = 60 + b * PitchSmoother.BLOCK / 2;
            lag = 10;
            float best = correlation(decimated, at, decimated, at - lag, PitchSmoother.BLOCK / 2);
            for (int l = 11; l < 60; l++) {
                float c = correlation(decimated, at, decimated, at - l, PitchSmoother.BLOCK / 2);
                if (c > best) {
                    best = c;
                    lag = l;
                }
            }
            period[b + EXTRA_BLOCKS + offset] = lag * 2f;
        }

        if (afterConcealment) {
            lag = blendConcealedTail(in, offset);
        }

        if (mode == IlbcMode.MS_20) {
            for (int b = 0; b < 2; b++) {
                PitchSmoother.enhance(buffer, (5 + b) * PitchSmoother.BLOCK + 40, period, out, b * PitchSmoother.BLOCK);
            }
        } else {
            for (int b = 0; b < 3; b++) {
                PitchSmoother.enhance(buffer, (4 + b) * PitchSmoother.BLOCK, period, out, b * PitchSmoother.BLOCK);
            }
        }
        return lag * 2;
    }

    /**
     * The previous frame was concealed: predicts its tail backwards from the new frame by one pitch
     * period, limits the prediction's energy to twice the concealment's, and cross-fades the
     * concealed tail into it. Returns the refined pitch lag.
     */
    private int blendConcealedTail(float[] in, int offset) {
        int length = mode == IlbcMode.MS_30 ? PitchSmoother.BLOCK : 40;
        int estimate = (int) period[EXTRA_BLOCKS + offset];
        int lag = estimate - 1;
        float best = correlation(in, 0, in, lag, length);
        for (int l = estimate; l <= estimate + 1; l++) {
            float c = correlation(in, 0, in, l, length);
            if (c > best) {
                best = c;
                lag = l;
            }
        }
        period[EXTRA_BLOCKS + offset - 1] = lag;

        float[] prediction = new float[length];
        int p = length - 1;
        int from = lag - 1;
        for (int n = Math.min(lag, length); n > 0; n--) {
            prediction[p--] = in[from--];
        }
        int tail = BUFFER - 1 - mode.block;
        for (int n = length - 1 - lag, r = tail; n >= 0; n--) {
            prediction[p--] = buffer[r--];
        }

        float concealedEnergy = 0;
        float predictedEnergy = 0;
        for (int i = 0; i < length; i++) {
            concealedEnergy += buffer[tail - i] * buffer[tail - i];
            predictedEnergy += prediction[i] * prediction[i];
        }
        float predictedRms = (float) Math.sqrt(predictedEnergy / length);
        float concealedRms = (float) Math.sqrt(concealedEnergy / length);
        if (predictedRms > 2f * concealedRms && predictedRms > 0) {
            float limit = 2f * concealedRms / predictedRms;
            for (int i = 0; i < length - 10; i++) {
                prediction[i] *= limit;
            }
            for (int i = length - 10; i < length; i++) {
                prediction[i] *= (i - length + 10) * (1f - limit) / 10f + limit;
            }
        }
        for (int i = 0; i < length; i++) {
            float in1 = (float) (i + 1) / (length + 1);
            buffer[tail - i] = buffer[tail - i] * in1 + (1f - in1) * prediction[length - 1 - i];
        }
        return lag;
    }

    /** The squared correlation normalised by the second sequence's energy, 0 for negative correlation. */
    static float correlation(float[] x, int xOff, float[] y, int yOff, int len) {
        float xy = 0;
        float yy = 0;
        for (int i = 0; i < len; i++) {
            xy += x[xOff + i] * y[yOff + i];
            yy += y[yOff + i] * y[yOff + i];
        }
        return xy > 0 ? xy * xy / yy : 0f;
    }
}
