package dev.ataemu.media.fsk;

import dev.ataemu.media.audio.Audio;

/**
 * The energy of one frequency over the last {@code window} samples: a complex correlation against
 * a local oscillator, kept as a running sum. Being non-coherent, it needs no carrier phase.
 */
final class SlidingCorrelator {

    private final double step;
    private final double[] re;
    private final double[] im;
    private double sumRe;
    private double sumIm;
    private double phase;
    private int next;

    SlidingCorrelator(double hz, int window) {
        this.step = 2 * Math.PI * hz / Audio.SAMPLE_RATE;
        this.re = new double[window];
        this.im = new double[window];
    }

    /** Takes one sample and returns the squared magnitude of the correlation over the window. */
    double energy(double sample) {
        double r = sample * Math.cos(phase);
        double i = sample * Math.sin(phase);
        // The products stay in the ring buffer so the oldest one leaves the sum exactly as it entered.
        sumRe += r - re[next];
        sumIm += i - im[next];
        re[next] = r;
        im[next] = i;
        next = (next + 1) % re.length;
        phase += step;
        if (phase > 2 * Math.PI) {
            phase -= 2 * Math.PI;
        }
        return sumRe * sumRe + sumIm * sumIm;
    }
}
