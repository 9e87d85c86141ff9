package dev.ataemu.core.line;

import dev.ataemu.media.dsp.Goertzel;

/** Measuring what a handset heard. */
final class Measure {

    private Measure() {
    }

    /** The level in dBm0 of the component at {@code hz} over the samples from {@code fromMs} to {@code toMs}. */
    static double levelDbm0(short[] samples, int fromMs, int toMs, double hz) {
        int from = fromMs * 8;
        int length = Math.min(samples.length, toMs * 8) - from;
        return Goertzel.levelDbm0(samples, from, length, hz);
    }
}
