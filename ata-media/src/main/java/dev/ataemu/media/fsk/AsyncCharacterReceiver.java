package dev.ataemu.media.fsk;

import java.util.function.IntConsumer;

/**
 * Recovers asynchronous characters (start 0, eight data bits LSB first, stop 1) from a soft bit
 * stream: one value per sample, positive for mark.
 *
 * <p>A bit clock runs at the baud rate and reads each bit at its middle. Every zero crossing of the
 * soft stream pulls the clock a little towards it, so the channel seizure and every character
 * train it and one noisy edge cannot throw it. The first edge after a long quiet stretch (the start
 * bit after the mark signal) and an edge far from where the clock expects one (a character after an
 * idle gap of a fraction of a bit) set the clock at once. Characters are only taken after a run of
 * marks, so the alternating seizure is never mistaken for data.
 */
final class AsyncCharacterReceiver {

    // The correlators answer fully for a bit only at its end; half a sample after the middle of the
    // filtered transition is the middle of that best stretch.
    private static final double FILTER_BIAS_SAMPLES = 0.5;
    private static final double LOOP_GAIN = 0.2;
    private static final double RESYNC_ERROR = 0.3;
    private static final int QUIET_BITS = 12;

    private final double bitsPerSample;
    private final double samplePhase;
    private final int armingBits;
    private final IntConsumer sink;

    private double previous;
    private double phase;
    private int markRun;
    private int quietBits = QUIET_BITS;
    private boolean armed;
    private int bitNumber = -1;
    private int shift;

    AsyncCharacterReceiver(double samplesPerBit, int armingBits, IntConsumer sink) {
        this.bitsPerSample = 1 / samplesPerBit;
        this.samplePhase = 0.5 + FILTER_BIAS_SAMPLES / samplesPerBit;
        this.armingBits = armingBits;
        this.sink = sink;
    }

    void reset() {
        armed = false;
        markRun = 0;
        quietBits = QUIET_BITS;
        bitNumber = -1;
        previous = 0;
        phase = 0;
    }

    void accept(double soft) {
        double before = phase;
        phase += bitsPerSample;
        if (before < samplePhase && phase >= samplePhase) {
            quietBits++;
            double fraction = (samplePhase - before) / bitsPerSample;
            bit(previous + (soft - previous) * fraction > 0);
        }
        if (phase >= 1) {
            phase -= 1;
        }
        if ((previous > 0) != (soft > 0) && previous != 0) {
            steer(previous / (previous - soft));
        }
        previous = soft;
    }

    /**
     * A transition {@code fraction} of the way from the previous sample to this one: the clock
     * expects bit boundaries there, so it moves towards it.
     */
    private void steer(double fraction) {
        double error = phase - (1 - fraction) * bitsPerSample;
        error -= Math.floor(error + 0.5);
        boolean hard = quietBits >= QUIET_BITS || Math.abs(error) > RESYNC_ERROR;
        phase -= hard ? error : error * LOOP_GAIN;
        quietBits = 0;
        if (phase < 0) {
            phase += 1;
        } else if (phase >= 1) {
            phase -= 1;
        }
    }

    private void bit(boolean mark) {
        if (bitNumber < 0) {
            if (mark) {
                markRun++;
                armed |= markRun >= armingBits;
            } else if (armed) {
                bitNumber = 0;
                shift = 0;
            } else {
                markRun = 0;
            }
        } else if (bitNumber < 8) {
            shift |= (mark ? 1 : 0) << bitNumber++;
        } else {
            bitNumber = -1;
            if (mark) {
                sink.accept(shift);
            }
        }
    }
}
