package dev.ataemu.media.dsp;

import dev.ataemu.media.audio.Audio;

/**
 * A line echo canceller (LEC): an NLMS adaptive filter that learns the echo path from what the
 * port sends down the line to what comes back up, and subtracts its estimate. A Geigel detector
 * stops the learning while the near end talks over the far end, so speech does not undo what the
 * filter learned. The tail is the longest echo delay it covers.
 */
public final class EchoCanceller {

    /** 16 ms of tail: a telephone hybrid's echo returns within a few milliseconds. */
    public static final int DEFAULT_TAPS = 128;
    private static final double STEP = 0.5;
    /** Keeps the step bounded when the far end is nearly silent. */
    private static final double REGULARIZATION = 1e4;
    /** Near end above half the recent far-end peak counts as double talk (Geigel, 6 dB). */
    private static final double GEIGEL_THRESHOLD = 0.5;

    private final double[] weights;
    private final double[] reference;
    private int newest;
    private double energy;

    public EchoCanceller() {
        this(DEFAULT_TAPS);
    }

    public EchoCanceller(int taps) {
        if (taps < 1) {
            throw new IllegalArgumentException("an echo canceller needs at least one tap");
        }
        weights = new double[taps];
        reference = new double[taps];
    }

    /**
     * Removes the echo of {@code sentDown} from {@code cameUp}, in place, sample by sample: sample
     * {@code i} of each was on the line at the same moment.
     */
    public void cancel(short[] cameUp, short[] sentDown) {
        int length = Math.min(cameUp.length, sentDown.length);
        for (int i = 0; i < length; i++) {
            push(sentDown[i]);
            if (energy == 0) {
                // Nothing went down within the tail: there is no echo to remove and nothing to learn.
                continue;
            }
            double estimate = 0;
            double farPeak = 0;
            for (int k = 0; k < weights.length; k++) {
                double x = reference[(newest - k + weights.length) % weights.length];
                estimate += weights[k] * x;
                if (x > farPeak) {
                    farPeak = x;
                } else if (-x > farPeak) {
                    farPeak = -x;
                }
            }
            double error = cameUp[i] - estimate;
            boolean doubleTalk = Math.abs(cameUp[i]) > GEIGEL_THRESHOLD * farPeak;
            if (!doubleTalk) {
                double gain = STEP * error / (energy + REGULARIZATION);
                for (int k = 0; k < weights.length; k++) {
                    weights[k] += gain * reference[(newest - k + weights.length) % weights.length];
                }
            }
            cameUp[i] = Audio.clip(error);
        }
    }

    /** Forgets the echo path (a new call may have another). */
    public void reset() {
        java.util.Arrays.fill(weights, 0);
        java.util.Arrays.fill(reference, 0);
        energy = 0;
    }

    private void push(short sample) {
        newest = (newest + 1) % reference.length;
        double old = reference[newest];
        energy += (double) sample * sample - old * old;
        if (energy < 0) {
            energy = 0;
        }
        reference[newest] = sample;
    }
}
