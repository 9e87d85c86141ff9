package dev.ataemu.media.jitter;

/**
 * What a network does to packets: {@code loss}, {@code duplication} and {@code reordering} are
 * probabilities per packet; each packet takes {@code baseDelayMs} plus a variation of up to
 * {@code jitterMs} (uniform, or normal around the middle of the range); a reordered packet is held
 * back a further {@code reorderDelayMs}, enough to land behind its successors.
 */
public record Impairment(double loss, int baseDelayMs, int jitterMs, boolean normalJitter, double reordering,
        int reorderDelayMs, double duplication) {

    public Impairment {
        requireProbability(loss, "loss");
        requireProbability(reordering, "reordering");
        requireProbability(duplication, "duplication");
        if (baseDelayMs < 0 || jitterMs < 0 || reorderDelayMs < 0) {
            throw new IllegalArgumentException("delays are not negative");
        }
    }

    public static Impairment none() {
        return new Impairment(0, 0, 0, false, 0, 0, 0);
    }

    public Impairment withLoss(double probability) {
        return new Impairment(probability, baseDelayMs, jitterMs, normalJitter, reordering, reorderDelayMs, duplication);
    }

    public Impairment withDelay(int baseMs) {
        return new Impairment(loss, baseMs, jitterMs, normalJitter, reordering, reorderDelayMs, duplication);
    }

    public Impairment withUniformJitter(int upToMs) {
        return new Impairment(loss, baseDelayMs, upToMs, false, reordering, reorderDelayMs, duplication);
    }

    public Impairment withNormalJitter(int upToMs) {
        return new Impairment(loss, baseDelayMs, upToMs, true, reordering, reorderDelayMs, duplication);
    }

    public Impairment withReordering(double probability, int extraDelayMs) {
        return new Impairment(loss, baseDelayMs, jitterMs, normalJitter, probability, extraDelayMs, duplication);
    }

    public Impairment withDuplication(double probability) {
        return new Impairment(loss, baseDelayMs, jitterMs, normalJitter, reordering, reorderDelayMs, probability);
    }

    private static void requireProbability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " is a probability: " + p);
        }
    }
}
