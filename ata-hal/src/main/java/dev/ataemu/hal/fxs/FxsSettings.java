package dev.ataemu.hal.fxs;

/**
 * How an FXS port reads the hook switch and shapes its audio, from the port's P-values: hook-flash
 * window P251/P252 (port 2: P811/P812), on-hook timing P833/P834, hook flash enabled P4424/P4425,
 * pulse dialing P20521/P20522, gains P247/P249 (port 2: P248/P283), the line echo canceller
 * (off with "Disable Line Echo Canceller", P824/P825).
 *
 * @param flashMinMs shortest on-hook that counts as a flash; shorter ones are ignored (or pulse digits)
 * @param flashMaxMs longest on-hook that counts as a flash
 * @param onHookMs   how long the phone must stay on hook before it counts as hung up
 */
public record FxsSettings(
        boolean hookFlashEnabled,
        int flashMinMs,
        int flashMaxMs,
        int onHookMs,
        boolean pulseDialing,
        double txGainDb,
        double rxGainDb,
        boolean echoCanceller) {

    public static final FxsSettings DEFAULTS = new FxsSettings(true, 300, 1100, 400, false, 0, 0, true);

    public FxsSettings {
        if (flashMinMs > flashMaxMs) {
            throw new IllegalArgumentException("hook-flash minimum " + flashMinMs + " ms exceeds maximum " + flashMaxMs + " ms");
        }
    }

    /** How long after the phone goes on hook the port is sure it has hung up. */
    public int hangUpAfterMs() {
        return Math.max(flashMaxMs + 1, onHookMs);
    }
}
