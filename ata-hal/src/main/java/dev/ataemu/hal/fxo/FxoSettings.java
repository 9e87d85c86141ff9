package dev.ataemu.hal.fxo;

import dev.ataemu.media.tone.ToneSpec;
import java.util.Optional;

/**
 * How the FXO port dials and how it tells that the PSTN far end has gone, from the FXO P-values:
 * DTMF digit length P3300 and pause P3302, current disconnect P893 with threshold P764, polarity
 * reversal P28101, disconnect tone P712 / P841, PSTN ring timeout P3630.
 */
public record FxoSettings(
        int dtmfOnMs,
        int dtmfPauseMs,
        boolean currentDisconnect,
        int currentDisconnectMs,
        boolean polarityReversalDisconnect,
        Optional<ToneSpec> disconnectTone,
        int ringTimeoutMs) {

    public static final FxoSettings DEFAULTS = new FxoSettings(100, 100, true, 100, false, Optional.empty(), 6000);
}
