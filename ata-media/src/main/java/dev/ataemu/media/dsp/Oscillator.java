package dev.ataemu.media.dsp;

import dev.ataemu.media.audio.Audio;

/** A sine wave that keeps its phase from one sample to the next, however the samples are grouped. */
public final class Oscillator {

    private static final double TWO_PI = 2 * Math.PI;

    private final double amplitude;
    private final double step;
    private double phase;

    /** A sine at {@code hz} with the level {@code dbm0}, starting at phase zero. */
    public Oscillator(double hz, double dbm0) {
        this.amplitude = Audio.sineAmplitude(dbm0);
        this.step = TWO_PI * hz / Audio.SAMPLE_RATE;
    }

    /** The next sample value, unrounded. */
    public double next() {
        double value = amplitude * Math.sin(phase);
        phase += step;
        if (phase >= TWO_PI) {
            // Wrapping keeps the phase small, so long tones do not lose precision.
            phase -= TWO_PI;
        }
        return value;
    }
}
