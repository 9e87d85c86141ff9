package dev.ataemu.media.srtp;

import java.util.Arrays;

/**
 * The replay list of RFC 3711 section 3.3.2: the highest index received and a bitmap of the
 * {@value #SIZE} indices below and including it. Indices are kept in a ring of bits addressed by
 * {@code index mod SIZE}, so moving the window forward only clears the bits it passes over.
 */
final class ReplayWindow {

    /** Packets remembered behind the highest index; RFC 3711 asks for at least 64. */
    static final int SIZE = 128;

    enum Verdict { FRESH, REPLAYED, TOO_OLD }

    private final long[] seen = new long[SIZE / 64];
    private long highest = -1;

    /** The highest index accepted so far, or -1 before the first. */
    long highest() {
        return highest;
    }

    Verdict check(long index) {
        if (index > highest) {
            return Verdict.FRESH;
        }
        if (highest - index >= SIZE) {
            return Verdict.TOO_OLD;
        }
        return isSet(index) ? Verdict.REPLAYED : Verdict.FRESH;
    }

    /** Records an authenticated index; call only after {@link #check} said FRESH. */
    void accept(long index) {
        if (index > highest) {
            long advance = highest < 0 ? SIZE : index - highest;
            if (advance >= SIZE) {
                Arrays.fill(seen, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    clear(i);
                }
            }
            highest = index;
        }
        set(index);
    }

    void reset() {
        Arrays.fill(seen, 0L);
        highest = -1;
    }

    private boolean isSet(long index) {
        int bit = (int) (index & (SIZE - 1));
        return (seen[bit >>> 6] & (1L << bit)) != 0;
    }

    private void set(long index) {
        int bit = (int) (index & (SIZE - 1));
        seen[bit >>> 6] |= 1L << bit;
    }

    private void clear(long index) {
        int bit = (int) (index & (SIZE - 1));
        seen[bit >>> 6] &= ~(1L << bit);
    }
}
