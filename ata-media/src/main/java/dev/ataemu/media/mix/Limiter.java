package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;

/**
 * Brings one participant's mix (a sum of several 16-bit inputs, which can exceed 16 bits) back into
 * range without wrap-around. A gain drops at once when a frame would overflow and recovers slowly
 * (like an AGC), so loud talkers stay in proportion to each other instead of being flattened; it
 * never rises past the point where the current frame would overflow, so a steady loud mix settles
 * with its peaks exactly at full scale instead of pumping. A mix that fits passes unchanged.
 */
final class Limiter {

    private static final double FULL_SCALE = Short.MAX_VALUE;
    /** Where the soft knee starts (3 dB under full scale); above it samples bend towards full scale. */
    static final double KNEE = FULL_SCALE / Math.sqrt(2);
    private static final double HEADROOM = FULL_SCALE - KNEE;
    /** 0.3 dB per 20 ms (15 dB/s): slow enough not to pump on syllables, quick to recover after a shout. */
    private static final double RELEASE_PER_FRAME = Math.pow(10, 0.3 / 20);
    /** A gain change is spread over 1 ms, so it does not itself click. */
    private static final int RAMP_SAMPLES = 8;

    private final double[] scaled = new double[Audio.FRAME_SAMPLES];
    /** Volatile: the mixing thread writes it, {@link Participant#outputGain()} may read it elsewhere. */
    private volatile double gain = 1;

    /** The gain in force at the end of the last frame (1 when nothing needed taming). */
    double gain() {
        return gain;
    }

    /** Writes {@code length} samples of {@code sum} into {@code out}, tamed. */
    void process(int[] sum, int length, short[] out) {
        int peak = 0;
        for (int i = 0; i < length; i++) {
            peak = Math.max(peak, Math.abs(sum[i]));
        }
        double fits = peak > FULL_SCALE ? FULL_SCALE / peak : 1;
        double target = Math.min(fits, gain * RELEASE_PER_FRAME);
        double from = gain;
        boolean overflows = false;
        for (int i = 0; i < length; i++) {
            double g = i < RAMP_SAMPLES ? from + (target - from) * (i + 1) / RAMP_SAMPLES : target;
            scaled[i] = sum[i] * g;
            overflows |= Math.abs(scaled[i]) > FULL_SCALE;
        }
        // Only the 1 ms ramp of a sudden attack can still overflow. That frame alone goes through the
        // soft knee, so a signal that fits is never bent by it.
        for (int i = 0; i < length; i++) {
            out[i] = overflows ? softClip(scaled[i]) : Audio.clip(scaled[i]);
        }
        gain = target;
    }

    /** Linear up to the knee, then a tanh curve that leaves it with the same slope and flattens out. */
    static short softClip(double x) {
        double magnitude = Math.abs(x);
        if (magnitude <= KNEE) {
            return Audio.clip(x);
        }
        double bent = KNEE + HEADROOM * Math.tanh((magnitude - KNEE) / HEADROOM);
        return Audio.clip(Math.copySign(bent, x));
    }
}
