package dev.ataemu.media.dsp;

import dev.ataemu.media.audio.Audio;

/** A two-pole resonator with unity gain at DC, at the line's 8 kHz rate: one formant of a voice. */
public final class Resonator {

    private double a;
    private double b;
    private double c;
    private double y1;
    private double y2;

    /** Sets the centre frequency and bandwidth; the filter's memory is kept. */
    public void tune(double hz, double bandwidthHz) {
        double t = 1.0 / Audio.SAMPLE_RATE;
        c = -Math.exp(-2 * Math.PI * bandwidthHz * t);
        b = 2 * Math.exp(-Math.PI * bandwidthHz * t) * Math.cos(2 * Math.PI * hz * t);
        a = 1 - b - c;
    }

    public double filter(double x) {
        double y = a * x + b * y1 + c * y2;
        y2 = y1;
        y1 = y;
        return y;
    }
}
