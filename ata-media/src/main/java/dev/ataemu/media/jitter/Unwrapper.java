package dev.ataemu.media.jitter;

/**
 * Extends a wrapping counter (16-bit sequence numbers, 32-bit timestamps) to a long by taking,
 * for each value, the extension nearest to the previous one.
 */
final class Unwrapper {

    private final long modulus;
    private long last;
    private boolean started;

    Unwrapper(int bits) {
        this.modulus = 1L << bits;
    }

    long unwrap(long value) {
        if (!started) {
            started = true;
            last = value;
            return value;
        }
        long candidate = last - Math.floorMod(last, modulus) + value;
        if (candidate - last > modulus / 2) {
            candidate -= modulus;
        } else if (last - candidate > modulus / 2) {
            candidate += modulus;
        }
        last = candidate;
        return candidate;
    }
}
