package dev.ataemu.media.codec.ilbc;

/**
 * The encoder's LPC analysis and quantisation (RFC 3951 section 3.2): autocorrelation over a 240
 * sample window (Hann for the first set of a 30 ms frame, an asymmetric window ending at the frame's
 * end for the last), lag windowing, Levinson-Durbin, bandwidth expansion, conversion to LSFs, split
 * VQ, and the per-sub-frame interpolation of quantised (synthesis) and unquantised (weighting) LSFs.
 */
final class LpcAnalysis {

    private final IlbcMode mode;
    private final float[] history = new float[Frame.LPC_LOOKBACK + Frame.MAX_BLOCK];
    private final float[] lsfOld = LsfTables.MEAN.clone();
    private final float[] lsfDequantizedOld = LsfTables.MEAN.clone();

    LpcAnalysis(IlbcMode mode) {
        this.mode = mode;
    }

    /** Analyses one frame; writes the LSF indexes and the per-sub-frame synthesis and weighting polynomials. */
    void analyse(float[] data, FrameParameters p, float[] synth, float[] weight) {
        float[] lsf = new float[2 * Frame.ORDER];
        int fresh = history.length - mode.block;
        System.arraycopy(data, 0, history, fresh, mode.block);
        for (int k = 0; k < mode.lpcSets; k++) {
            float[] windowed = new float[Frame.LPC_WINDOW];
            if (k < mode.lpcSets - 1) {
                for (int i = 0; i < windowed.length; i++) {
                    windowed[i] = history[i] * QuantizerTables.HANN_WINDOW[i];
                }
            } else {
                for (int i = 0; i < windowed.length; i++) {
                    windowed[i] = history[Frame.LPC_LOOKBACK + i] * QuantizerTables.ASYMMETRIC_WINDOW[i];
                }
            }
            float[] a = levinson(autocorrelation(windowed));
            float[] expanded = new float[Frame.ORDER + 1];
            Lsf.chirp(a, 0, Frame.CHIRP_SYNTHESIS, expanded, 0);
            Lsf.fromLpc(expanded, lsf, k * Frame.ORDER);
        }
        System.arraycopy(history, mode.block, history, 0, fresh);

        float[] dequantized = new float[2 * Frame.ORDER];
        for (int k = 0; k < mode.lpcSets; k++) {
            Lsf.quantize(lsf, k * Frame.ORDER, dequantized, p.lsf, 3 * k);
        }
        Lsf.stabilize(dequantized, mode.lpcSets);

        Lsf.perSubframe(mode, lsfDequantizedOld, dequantized, synth);
        float[] unweighted = new float[mode.subframes * (Frame.ORDER + 1)];
        Lsf.perSubframe(mode, lsfOld, lsf, unweighted);
        for (int i = 0; i < mode.subframes; i++) {
            int at = i * (Frame.ORDER + 1);
            Lsf.chirp(unweighted, at, Frame.CHIRP_WEIGHTING, weight, at);
        }
        int last = (mode.lpcSets - 1) * Frame.ORDER;
        System.arraycopy(lsf, last, lsfOld, 0, Frame.ORDER);
        System.arraycopy(dequantized, last, lsfDequantizedOld, 0, Frame.ORDER);
    }

    private static float[] autocorrelation(float[] x) {
        float[] r = new float[Frame.ORDER + 1];
        for (int lag = 0; lag <= Frame.ORDER; lag++) {
            float sum = 0;
            for (int n = 0; n < x.length - lag; n++) {
                sum += x[n] * x[n + lag];
            }
            r[lag] = sum * QuantizerTables.LAG_WINDOW[lag];
        }
        return r;
    }

    /** Levinson-Durbin recursion; a silent window gives the flat filter. */
    static float[] levinson(float[] r) {
        float[] a = new float[Frame.ORDER + 1];
        a[0] = 1f;
        if (r[0] < Frame.EPS) {
            return a;
        }
        float k = -r[1] / r[0];
        a[1] = k;
        float alpha = r[0] + r[1] * k;
        for (int m = 1; m < Frame.ORDER; m++) {
            float sum = r[m + 1];
            for (int i = 0; i < m; i++) {
                sum += a[i + 1] * r[m - i];
            }
            k = -sum / alpha;
            alpha += k * sum;
            for (int i = 0; i < (m + 1) >> 1; i++) {
                float t = a[i + 1] + k * a[m - i];
                a[m - i] += k * a[i + 1];
                a[i + 1] = t;
            }
            a[m + 1] = k;
        }
        return a;
    }
}
