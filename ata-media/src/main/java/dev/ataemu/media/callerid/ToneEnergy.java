package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;

/** Goertzel's algorithm: the power of one frequency over a block of samples. */
final class ToneEnergy {

    private final double coefficient;
    private double s1;
    private double s2;
    private int count;

    ToneEnergy(double hz) {
        this.coefficient = 2 * Math.cos(2 * Math.PI * hz / Audio.SAMPLE_RATE);
    }

    void add(double sample) {
        double s0 = sample + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
        count++;
    }

    /** The mean power of the tone over the block (a sine of amplitude A gives A²/2), then starts a new block. */
    double powerAndReset() {
        double magnitude = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        double power = count == 0 ? 0 : 2 * magnitude / ((double) count * count);
        s1 = 0;
        s2 = 0;
        count = 0;
        return power;
    }
}
