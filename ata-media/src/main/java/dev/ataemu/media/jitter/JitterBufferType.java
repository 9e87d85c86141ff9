package dev.ataemu.media.jitter;

/** "Jitter Buffer Type" (P133 / P831 in the store: 0 fixed, 1 adaptive). */
public enum JitterBufferType {
    /** Holds packets for the length's constant delay. */
    FIXED,
    /** Follows the measured delay variation within the length's bounds. */
    ADAPTIVE
}
