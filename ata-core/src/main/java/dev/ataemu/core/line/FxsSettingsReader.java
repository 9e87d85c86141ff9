package dev.ataemu.core.line;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.hal.fxs.FxsSettings;

/** Turns a port's P-values into the plain settings the FXS hardware takes. */
final class FxsSettingsReader {

    private FxsSettingsReader() {
    }

    static FxsSettings read(ParameterStore store, LineParameters p) {
        FxsSettings d = FxsSettings.DEFAULTS;
        int min = store.getIntOr(p.flashMinMs(), d.flashMinMs());
        int max = Math.max(min, store.getIntOr(p.flashMaxMs(), d.flashMaxMs()));
        return new FxsSettings(
                store.getIntOr(p.hookFlashEnabled(), 1) == 1,
                min,
                max,
                store.getIntOr(p.onHookMs(), d.onHookMs()),
                store.getIntOr(p.pulseDialing(), 0) == 1,
                gainDb(store.getIntOr(p.txGain(), 0)),
                gainDb(store.getIntOr(p.rxGain(), 0)),
                store.getIntOr(p.disableLineEchoCanceller(), 0) == 0);
    }

    /** The gain codes of the Gain TX/RX fields: 1 = +6 dB, 2 = +4, 3 = +2, 0 = 0, 4 = -2 ... 9 = -12. */
    static double gainDb(int code) {
        return switch (code) {
            case 1 -> 6;
            case 2 -> 4;
            case 3 -> 2;
            case 0 -> 0;
            default -> code >= 4 && code <= 9 ? -2.0 * (code - 3) : 0;
        };
    }
}
