package dev.ataemu.core.device;

import dev.ataemu.core.config.ParameterStore;

/**
 * When the HT813's life-line relay wires the phone straight to the PSTN line, by P891 (Life Line
 * Mode): 0 auto (while the firmware is not running: unpowered or booting), 1 always disconnected,
 * 2 always connected. (Failing over on lost registration comes with SIP registration.)
 */
final class Lifeline {

    static final int LIFE_LINE_MODE = 891;

    private Lifeline() {
    }

    static boolean bypass(ParameterStore store, PowerState power) {
        if (store.catalog().find(LIFE_LINE_MODE).isEmpty()) {
            return false;
        }
        return switch (store.getInt(LIFE_LINE_MODE)) {
            case 1 -> false;
            case 2 -> true;
            default -> power != PowerState.READY;
        };
    }
}
