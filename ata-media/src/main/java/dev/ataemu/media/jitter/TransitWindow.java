package dev.ataemu.media.jitter;

import java.util.Arrays;

/**
 * The relative transit times (arrival on our clock minus RTP timestamp) of the last packets. Its
 * minimum is the fastest path, the reference for every delay; a slow drift between the clocks moves
 * the minimum with it as old packets leave the window.
 */
final class TransitWindow {

    private final long[] values;
    private int next;
    private int size;

    TransitWindow(int capacity) {
        this.values = new long[capacity];
    }

    void add(long transit) {
        values[next] = transit;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    void clear() {
        size = 0;
        next = 0;
    }

    int size() {
        return size;
    }

    long min() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, values[i]);
        }
        return min;
    }

    /** The transit that {@code fraction} of the window does not exceed. */
    long quantile(double fraction) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(size - 1, Math.ceil(fraction * size) - 1)];
    }
}
