package dev.ataemu.media.dsp;

/**
 * Changes the sample rate by two with a linear-phase half-band FIR (a Kaiser-windowed sinc of
 * {@value #TAPS} taps): flat within 0.05 dB to 3.4 kHz, at least 55 dB down from 4.6 kHz, so
 * wideband codecs can run at 16 kHz behind the 8 kHz line. Each instance keeps the filter's
 * history for one stream; the delay is {@value #DELAY} samples at 16 kHz. Halving keeps the first
 * sample of each pair, so that doubling then halving delays by a whole number of 8 kHz samples.
 */
public final class Resampler {

    static final int TAPS = 63;
    static final int DELAY = (TAPS - 1) / 2;
    private static final double KAISER_BETA = 5.65;
    private static final double[] HALF_BAND = design();

    private final boolean doubling;
    private final double[] line = new double[TAPS];

    private Resampler(boolean doubling) {
        this.doubling = doubling;
    }

    /** 8 kHz to 16 kHz: two output samples for each input sample. */
    public static Resampler doubling() {
        return new Resampler(true);
    }

    /** 16 kHz to 8 kHz: one output sample for each pair of input samples. */
    public static Resampler halving() {
        return new Resampler(false);
    }

    /** Resamples {@code samples} input samples (even when halving); returns the samples written. */
    public int process(short[] in, int offset, int samples, short[] out, int outOffset) {
        int written = 0;
        if (doubling) {
            for (int i = 0; i < samples; i++) {
                push(in[offset + i]);
                out[outOffset + written++] = clip(2 * filter());
                push(0);
                out[outOffset + written++] = clip(2 * filter());
            }
        } else {
            for (int i = 0; i + 1 < samples; i += 2) {
                push(in[offset + i]);
                out[outOffset + written++] = clip(filter());
                push(in[offset + i + 1]);
            }
        }
        return written;
    }

    private void push(double sample) {
        System.arraycopy(line, 0, line, 1, TAPS - 1);
        line[0] = sample;
    }

    /** Every other tap of a half-band filter is zero, apart from the centre one. */
    private double filter() {
        double sum = HALF_BAND[DELAY] * line[DELAY];
        for (int k = 0; k < TAPS; k += 2) {
            sum += HALF_BAND[k] * line[k];
        }
        return sum;
    }

    private static double[] design() {
        double[] h = new double[TAPS];
        double sum = 0;
        for (int k = 0; k < TAPS; k++) {
            int offset = k - DELAY;
            double sinc = offset == 0 ? 1 : Math.sin(Math.PI * offset / 2) / (Math.PI * offset / 2);
            double ratio = (double) offset / DELAY;
            h[k] = offset % 2 == 0 && offset != 0 ? 0 : 0.5 * sinc * besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio));
            sum += h[k];
        }
        for (int k = 0; k < TAPS; k++) {
            h[k] /= sum;
        }
        return h;
    }

    private static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 30; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
