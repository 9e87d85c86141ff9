package dev.ataemu.media.jitter;

/**
 * "Jitter Buffer Length" (P132 / P832 in the store: 0 low, 1 medium, 2 high). The manuals give no
 * numbers. The fixed delays are what a small ATA can afford on a LAN (low), a typical WAN (medium)
 * and a poor one (high); the adaptive maxima are the platform's suggested lengths (FEATURES PLAT-91),
 * so an adaptive buffer may grow where the network needs it but no further.
 */
public enum JitterBufferLength {
    LOW(40, 20, 100),
    MEDIUM(60, 20, 300),
    HIGH(100, 40, 800);

    private final int fixedMs;
    private final int minMs;
    private final int maxMs;

    JitterBufferLength(int fixedMs, int minMs, int maxMs) {
        this.fixedMs = fixedMs;
        this.minMs = minMs;
        this.maxMs = maxMs;
    }

    /** The constant delay of a fixed buffer, and an adaptive buffer's delay before it has measured. */
    public int fixedMs() {
        return fixedMs;
    }

    /** The least delay an adaptive buffer keeps. */
    public int minMs() {
        return minMs;
    }

    /** The most delay an adaptive buffer grows to. */
    public int maxMs() {
        return maxMs;
    }
}
