package dev.ataemu.media.jitter;

/**
 * A jitter buffer's counters. Packets: {@code received} (distinct, late ones included, as RFC 3550
 * counts them), {@code lost} (never arrived), {@code late} (arrived after their playout),
 * {@code duplicates}. Frames of 20 ms: {@code concealed} for missing audio, {@code dropped} and
 * {@code inserted} where the buffer shortened or stretched the audio to reach its target delay.
 * Delays are beyond the fastest recent packet; {@code jitterMs} is RFC 3550's interarrival jitter.
 */
public record JitterStatistics(long received, long lost, long late, long duplicates, long concealedFrames,
        long droppedFrames, long insertedFrames, int currentDelayMs, int targetDelayMs, double jitterMs) {
}
