package dev.ataemu.media.dsp;

/**
 * The gain of a tone burst with raised-cosine edges of 1 ms, so switching a tone on or off does not
 * click. The edges lie inside the burst: the burst starts and ends on the exact sample.
 */
public final class Fade {

    /** The length of each edge in samples (1 ms at 8 kHz). */
    public static final int EDGE_SAMPLES = 8;

    private Fade() {
    }

    /** The gain of sample {@code index} of a burst {@code length} samples long (0 outside the burst). */
    public static double gain(long index, long length) {
        if (index < 0 || index >= length) {
            return 0;
        }
        return Math.min(edge(index), edge(length - 1 - index));
    }

    private static double edge(long fromEnd) {
        if (fromEnd >= EDGE_SAMPLES) {
            return 1;
        }
        return 0.5 * (1 - Math.cos(Math.PI * (fromEnd + 1) / (EDGE_SAMPLES + 1)));
    }
}
