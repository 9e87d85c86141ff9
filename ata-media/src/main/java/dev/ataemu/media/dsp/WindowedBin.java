package dev.ataemu.media.dsp;

import dev.ataemu.media.audio.Audio;

/**
 * One DFT bin at an arbitrary frequency over a Hann-windowed block of fixed length. Unlike a plain
 * Goertzel power it keeps the phase, so two blocks a little apart give the tone's true frequency, and
 * the window keeps neighbouring tones out of the bin. Reusable: {@link #analyze} overwrites the result.
 */
public final class WindowedBin {

    /** The window and the windowed carrier depend only on frequency and length: every device's detectors share them. */
    private record Tables(double[] window, double[] cosine, double[] sine, double windowSum) {
    }

    private record Key(double hz, int length) {
    }

    private static final java.util.Map<Key, Tables> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final double hz;
    private final double[] window;
    private final double[] cosine;
    private final double[] sine;
    private final double windowSum;
    private double re;
    private double im;

    public WindowedBin(double hz, int length) {
        this.hz = hz;
        Tables tables = SHARED.computeIfAbsent(new Key(hz, length), key -> tables(key.hz(), key.length()));
        this.window = tables.window();
        this.cosine = tables.cosine();
        this.sine = tables.sine();
        this.windowSum = tables.windowSum();
    }

    private static Tables tables(double hz, int length) {
        double[] window = hann(length);
        double[] cosine = new double[length];
        double[] sine = new double[length];
        double sum = 0;
        for (int m = 0; m < length; m++) {
            double angle = 2 * Math.PI * hz * m / Audio.SAMPLE_RATE;
            cosine[m] = window[m] * Math.cos(angle);
            sine[m] = -window[m] * Math.sin(angle);
            sum += window[m];
        }
        return new Tables(window, cosine, sine, sum);
    }

    /** The Hann window of this length, symmetric about its centre. */
    public static double[] hann(int length) {
        double[] window = new double[length];
        for (int m = 0; m < length; m++) {
            double s = Math.sin(Math.PI * (m + 0.5) / length);
            window[m] = s * s;
        }
        return window;
    }

    public double hz() {
        return hz;
    }

    public int length() {
        return cosine.length;
    }

    /** Computes the bin over {@code samples[offset .. offset + length)}. */
    public void analyze(short[] samples, int offset) {
        double r = 0;
        double i = 0;
        for (int m = 0; m < cosine.length; m++) {
            int x = samples[offset + m];
            r += x * cosine[m];
            i += x * sine[m];
        }
        re = r;
        im = i;
    }

    public double re() {
        return re;
    }

    public double im() {
        return im;
    }

    /** The sum of the window's weights: a sine of amplitude A at this frequency gives a bin of A/2 times it. */
    public double windowSum() {
        return windowSum;
    }

    /**
     * How much of a sine {@code offsetHz} away from this bin's frequency the bin hears, relative to a
     * sine right on it: 1 at 0 Hz, falling to 0 at the edge of the main lobe (two bins away), then
     * small side lobes of either sign. Measured with the phase taken at the block's centre.
     */
    public double response(double offsetHz) {
        double centre = (cosine.length - 1) / 2.0;
        double sum = 0;
        for (int m = 0; m < cosine.length; m++) {
            sum += window[m] * Math.cos(2 * Math.PI * offsetHz * (m - centre) / Audio.SAMPLE_RATE);
        }
        return sum / windowSum;
    }

    /** The magnitude of {@link #response}: the share of a sine's amplitude the bin hears. */
    public double gainAt(double offsetHz) {
        return Math.abs(response(offsetHz));
    }

    /**
     * What a sine at {@code sineHz} (inside this bin's main lobe), which gave this bin the result
     * {@code (re, im)}, puts into a bin of the same length at {@code otherHz} over the same samples:
     * that bin's {re, im}. Lets a known tone be taken out of a neighbouring bin.
     */
    public double[] leak(double re, double im, double sineHz, double otherHz) {
        double scale = response(sineHz - otherHz) / response(sineHz - hz);
        double turn = Math.PI * (cosine.length - 1) * (hz - otherHz) / Audio.SAMPLE_RATE;
        double c = Math.cos(turn) * scale;
        double s = Math.sin(turn) * scale;
        return new double[] {re * c - im * s, re * s + im * c};
    }

    /** The peak amplitude of a sine at exactly this bin's frequency that would give the last result. */
    public double amplitude() {
        return 2 * Math.hypot(re, im) / windowSum;
    }
}
