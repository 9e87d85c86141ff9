package dev.ataemu.core.provision;

import dev.ataemu.core.config.ParameterStore;
import java.util.Optional;

/**
 * The P-values a provisioning pass follows, read once at its start: the protocol (P212), the
 * config server (P237) with its file prefix and postfix (P234, P235), the firmware server (P192)
 * with its own (P232, P233), the credentials (P1360, P1361, P20713) and the firmware check (P238).
 */
public record ProvisioningSettings(Protocol protocol, Optional<ServerPath> configServer, String configPrefix,
        String configPostfix, Optional<ServerPath> firmwareServer, String firmwarePrefix, String firmwarePostfix,
        Credentials credentials, FirmwareCheck firmwareCheck) {

    static final int PROTOCOL = 212;
    static final int CONFIG_SERVER = 237;
    static final int FIRMWARE_SERVER = 192;

    /** "Use firmware pre/postfix to determine if f/w is required" (P238, PROV-09). */
    public enum FirmwareCheck {
        ALWAYS, WHEN_AFFIXES_CHANGE, NEVER;

        static FirmwareCheck ofCode(int code) {
            return code == 1 ? WHEN_AFFIXES_CHANGE : code == 2 ? NEVER : ALWAYS;
        }
    }

    public static ProvisioningSettings read(ParameterStore store) {
        return new ProvisioningSettings(Protocol.ofCode(store.getIntOr(PROTOCOL, 1)),
                ServerPath.parse(store.getOrEmpty(CONFIG_SERVER)),
                store.getOrEmpty(234).strip(), store.getOrEmpty(235).strip(),
                ServerPath.parse(store.getOrEmpty(FIRMWARE_SERVER)),
                store.getOrEmpty(232).strip(), store.getOrEmpty(233).strip(),
                new Credentials(store.getOrEmpty(1360).strip(), store.getOrEmpty(1361), store.getIntOr(20713, 0) == 1),
                FirmwareCheck.ofCode(store.getIntOr(238, 0)));
    }
}
