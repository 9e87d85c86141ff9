package dev.ataemu.core.device;

import dev.ataemu.core.config.ParameterStore;

/**
 * When the HT813's life-line relay wires the phone straight to the PSTN line, by P891 (Life Line
 * Mode): 0 auto, 1 always disconnected, 2 always connected. Auto connects them while the firmware
 * is not running (unpowered or booting), and, with "Registration-Loss Failover to PSTN"
 * (emulator-only P90010, Yes from the factory; GAP-11), while the FXS account has lost its
 * registration and a PSTN line is plugged in, as long as the phone is not in a call.
 */
final class Lifeline {

    static final int LIFE_LINE_MODE = 891;
    static final int REGISTRATION_LOSS_FAILOVER = 90010;

    private Lifeline() {
    }

    /**
     * @param registrationLost whether the FXS account was registered and is no longer
     * @param lineFree         whether a PSTN line is plugged in and the FXS phone is not in a VoIP call
     */
    static boolean bypass(ParameterStore store, PowerState power, boolean registrationLost, boolean lineFree) {
        if (store.catalog().find(LIFE_LINE_MODE).isEmpty()) {
            return false;
        }
        return switch (store.getInt(LIFE_LINE_MODE)) {
            case 1 -> false;
            case 2 -> true;
            default -> power != PowerState.READY
                    || registrationLost && lineFree && store.getIntOr(REGISTRATION_LOSS_FAILOVER, 1) == 1;
        };
    }
}
