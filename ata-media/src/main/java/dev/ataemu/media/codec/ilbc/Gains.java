package dev.ataemu.media.codec.ilbc;

/**
 * The codebook gains (RFC 3951 section 3.6.4.2): stage 1 on a 5-bit table, stages 2 and 3 on 4 and
 * 3 bits relative to the magnitude of the previous stage's quantised gain (at least 0.1).
 */
final class Gains {

    private Gains() {
    }

    static float[] table(int stage) {
        return switch (stage) {
            case 0 -> QuantizerTables.GAIN_5BIT;
            case 1 -> QuantizerTables.GAIN_4BIT;
            default -> QuantizerTables.GAIN_3BIT;
        };
    }

    static float scale(float previous) {
        return Math.max(Math.abs(previous), 0.1f);
    }

    /** Quantises {@code gain} for {@code stage}; returns the index. */
    static int quantize(float gain, float previous, int stage) {
        float s = scale(previous);
        float[] cb = table(stage);
        int best = 0;
        float bestMeasure = 10000000f;
        for (int i = 0; i < cb.length; i++) {
            float e = gain - s * cb[i];
            if (e * e < bestMeasure) {
                bestMeasure = e * e;
                best = i;
            }
        }
        return best;
    }

    static float dequantize(int index, float previous, int stage) {
        return scale(previous) * table(stage)[index];
    }

    static float[] dequantize(int[] index) {
        float[] g = new float[Frame.STAGES];
        g[0] = dequantize(index[0], 1f, 0);
        g[1] = dequantize(index[1], g[0], 1);
        g[2] = dequantize(index[2], g[1], 2);
        return g;
    }
}
