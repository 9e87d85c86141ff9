package dev.ataemu.media.codec.ilbc;

/**
 * The direct-form filters of RFC 3951. Signals live in arrays with their past in front of them:
 * a filter at {@code off} reads its state from the {@code order} samples before {@code off}.
 * Coefficient vectors start with 1.
 */
final class Filters {

    private Filters() {
    }

    /** 1/A(z) in place on {@code x[off..off+len)}. */
    static void allPole(float[] x, int off, int len, float[] a, int aOff, int order) {
        for (int n = off; n < off + len; n++) {
            float v = x[n];
            for (int k = 1; k <= order; k++) {
                v -= a[aOff + k] * x[n - k];
            }
            x[n] = v;
        }
    }

    /** B(z) from {@code in} (with past before {@code inOff}) into {@code out}. */
    static void allZero(float[] in, int inOff, float[] b, int len, int order, float[] out, int outOff) {
        for (int n = 0; n < len; n++) {
            float v = b[0] * in[inOff + n];
            for (int k = 1; k <= order; k++) {
                v += b[k] * in[inOff + n - k];
            }
            out[outOff + n] = v;
        }
    }

    /** B(z)/A(z): the zeros from {@code in}, then the poles in place on {@code out}. */
    static void zeroPole(float[] in, int inOff, float[] b, float[] a, int aOff, int len, float[] out, int outOff) {
        allZero(in, inOff, b, len, Frame.ORDER, out, outOff);
        allPole(out, outOff, len, a, aOff, Frame.ORDER);
    }

    /** Synthesis 1/A(z) in place, its state kept in {@code mem} (the last ten outputs, oldest first). */
    static void synthesis(float[] x, int off, int len, float[] a, int aOff, float[] mem) {
        float[] buf = new float[Frame.ORDER + len];
        System.arraycopy(mem, 0, buf, 0, Frame.ORDER);
        System.arraycopy(x, off, buf, Frame.ORDER, len);
        allPole(buf, Frame.ORDER, len, a, aOff, Frame.ORDER);
        System.arraycopy(buf, Frame.ORDER, x, off, len);
        System.arraycopy(buf, len, mem, 0, Frame.ORDER);
    }

    /** Analysis A(z) from {@code in} into {@code out}, its state in {@code mem} (the last ten inputs). */
    static void analysis(float[] in, int off, int len, float[] a, int aOff, float[] out, int outOff, float[] mem) {
        float[] buf = new float[Frame.ORDER + len];
        System.arraycopy(mem, 0, buf, 0, Frame.ORDER);
        System.arraycopy(in, off, buf, Frame.ORDER, len);
        for (int n = 0; n < len; n++) {
            float v = buf[Frame.ORDER + n];
            for (int k = 1; k <= Frame.ORDER; k++) {
                v += a[aOff + k] * buf[Frame.ORDER + n - k];
            }
            out[outOff + n] = v;
        }
        System.arraycopy(buf, len, mem, 0, Frame.ORDER);
    }

    /** A second-order high-pass section with its own state, as on the encoder's input and decoder's output. */
    static final class HighPass {
        private final float[] zeros;
        private final float[] poles;
        private float x1;
        private float x2;
        private float y1;
        private float y2;

        HighPass(float[] zeros, float[] poles) {
            this.zeros = zeros;
            this.poles = poles;
        }

        void filter(float[] in, int inOff, float[] out, int outOff, int len) {
            for (int i = 0; i < len; i++) {
                float x = in[inOff + i];
                float y = zeros[0] * x + zeros[1] * x1 + zeros[2] * x2;
                y -= poles[1] * y1 + poles[2] * y2;
                x2 = x1;
                x1 = x;
                y2 = y1;
                y1 = y;
                out[outOff + i] = y;
            }
        }
    }

    /**
     * Low-pass filters and decimates by two, input sample 3 giving the first output (the filter's
     * delay); the filter reads up to six samples before {@code inOff}. The last output, past the
     * input's end, is computed as the reference does it: over the last five input samples.
     */
    static void downsample(float[] in, int inOff, int len, float[] out) {
        float[] c = QuantizerTables.DOWNSAMPLE_FILTER;
        int o = 0;
        for (int i = 3; i < len; i += 2) {
            float v = 0;
            for (int j = 0; j < c.length; j++) {
                v += c[j] * in[inOff + i - j];
            }
            out[o++] = v;
        }
        float v = 0;
        for (int j = 2; j < c.length; j++) {
            v += c[j] * in[inOff + len + 1 - j];
        }
        out[o] = v;
    }
}
