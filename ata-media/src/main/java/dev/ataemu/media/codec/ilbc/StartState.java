package dev.ataemu.media.codec.ilbc;

/**
 * The start state (RFC 3951 sections 3.5 and 4.2): 57 or 58 residual samples coded without
 * reference to the past. The residual is passed through the all-pass filter A~(z)/A(z) (time
 * reversed, circularly), scaled by its quantised peak, and scalar-quantised to 3 bits a sample with
 * noise shaping; the decoder undoes the all-pass filtering by running it backwards in time.
 */
final class StartState {

    private static final float SCALE = 4.5f;

    private StartState() {
    }

    /** The all-pass filter over {@code len} samples and their circular wrap-around. */
    private static float[] allPass(float[] in, int len, float[] a, int aOff) {
        float[] numerator = new float[Frame.ORDER + 1];
        for (int k = 0; k < Frame.ORDER; k++) {
            numerator[k] = a[aOff + Frame.ORDER - k];
        }
        numerator[Frame.ORDER] = a[aOff];
        float[] x = new float[Frame.ORDER + 2 * len];
        System.arraycopy(in, 0, x, Frame.ORDER, len);
        float[] y = new float[Frame.ORDER + 2 * len];
        Filters.zeroPole(x, Frame.ORDER, numerator, a, aOff, 2 * len, y, Frame.ORDER);
        return y;
    }

    /**
     * Encodes {@code len} samples of {@code residual} at {@code off}; {@code synth} and {@code weight}
     * are the two sub-frames' LPC and weighting polynomials at {@code aOff}. Writes the peak index
     * and the sample indexes into {@code p}.
     */
    static void encode(float[] residual, int off, int len, float[] synth, float[] weight, int aOff,
            boolean stateFirst, FrameParameters p) {
        float[] in = new float[len];
        System.arraycopy(residual, off, in, 0, len);
        float[] y = allPass(in, len, synth, aOff);
        float[] x = new float[Frame.ORDER + len];
        float peak = 0;
        for (int k = 0; k < len; k++) {
            x[Frame.ORDER + k] = y[Frame.ORDER + k] + y[Frame.ORDER + k + len];
            peak = Math.max(peak, Math.abs(x[Frame.ORDER + k]));
        }
        float logPeak = (float) Math.log10(Math.max(peak, 10f));
        p.peakIndex = nearestSorted(logPeak, QuantizerTables.STATE_PEAK_LOG10);
        float scale = SCALE / (float) Math.pow(10, QuantizerTables.STATE_PEAK_LOG10[p.peakIndex]);
        for (int k = 0; k < len; k++) {
            x[Frame.ORDER + k] *= scale;
        }
        quantize(x, len, weight, aOff, stateFirst, p.state);
    }

    /**
     * Noise-shaped quantisation: the target and the quantised signal both go through the weighting
     * filter, which switches to the second sub-frame's where the sub-frame boundary falls.
     */
    private static void quantize(float[] x, int len, float[] weight, int aOff, boolean stateFirst, int[] out) {
        int stride = Frame.ORDER + 1;
        int boundary = stateFirst ? Frame.SUBFRAME : len - Frame.SUBFRAME;
        float[] quantized = new float[Frame.ORDER + len];
        int w = aOff;
        Filters.allPole(x, Frame.ORDER, boundary, weight, w, Frame.ORDER);
        for (int n = 0; n < len; n++) {
            if (n == boundary) {
                w += stride;
                Filters.allPole(x, Frame.ORDER + n, len - n, weight, w, Frame.ORDER);
            }
            int at = Frame.ORDER + n;
            quantized[at] = 0;
            Filters.allPole(quantized, at, 1, weight, w, Frame.ORDER);
            int index = nearestSorted(x[at] - quantized[at], QuantizerTables.STATE_SAMPLE);
            out[n] = index;
            quantized[at] = QuantizerTables.STATE_SAMPLE[index];
            Filters.allPole(quantized, at, 1, weight, w, Frame.ORDER);
        }
    }

    /** Decodes the start state into {@code out} at {@code outOff}. */
    static void decode(FrameParameters p, int len, float[] synth, int aOff, float[] out, int outOff) {
        float gain = (float) Math.pow(10, QuantizerTables.STATE_PEAK_LOG10[p.peakIndex]) / SCALE;
        float[] reversed = new float[len];
        for (int k = 0; k < len; k++) {
            reversed[k] = gain * QuantizerTables.STATE_SAMPLE[p.state[len - 1 - k]];
        }
        float[] y = allPass(reversed, len, synth, aOff);
        for (int k = 0; k < len; k++) {
            out[outOff + k] = y[Frame.ORDER + len - 1 - k] + y[Frame.ORDER + 2 * len - 1 - k];
        }
    }

    /** The index of the nearest entry of an ascending table, ties going down, as sort_sq does it. */
    static int nearestSorted(float x, float[] cb) {
        if (x <= cb[0]) {
            return 0;
        }
        int i = 0;
        while (x > cb[i] && i < cb.length - 1) {
            i++;
        }
        return x > (cb[i] + cb[i - 1]) / 2 ? i : i - 1;
    }
}
