package dev.ataemu.core.device;

import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.PortType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The models the emulator knows. */
public final class DeviceModels {

    /** Two FXS ports (PHONE1, PHONE2), five green LEDs; firmware 1.0.16.2, whose config template the catalog follows. */
    public static final DeviceModel HT502 = new DeviceModel(
            "HT502",
            List.of(new PortDescriptor(1, PortType.FXS, "PHONE1", "PHONE1"),
                    new PortDescriptor(2, PortType.FXS, "PHONE2", "PHONE2")),
            List.of(DeviceModel.POWER_LED, DeviceModel.WAN_LED, DeviceModel.LAN_LED, "PHONE1", "PHONE2"),
            versions("Program", "1.0.16.2", "Boot", "1.0.0.18", "Loader", "1.0.0.2"),
            LedState.ON,
            Duration.ofMillis(1500),
            PortLedStyle.BUSY_LIT,
            new DeviceModel.ResetButtonBehaviour(false, List.of(DeviceModel.LAN_LED, DeviceModel.WAN_LED)),
            false);

    /** One FXS port and one FXO (PSTN) port; firmware 1.0.9.1. The Power LED flashes while booting. */
    public static final DeviceModel HT813 = new DeviceModel(
            "HT813",
            List.of(new PortDescriptor(1, PortType.FXS, "FXS", "FXS"),
                    new PortDescriptor(2, PortType.FXO, "FXO", "FXO")),
            List.of(DeviceModel.POWER_LED, DeviceModel.WAN_LED, DeviceModel.LAN_LED, "FXS", "FXO"),
            versions("Program", "1.0.9.1", "Bootloader", "1.0.0.4", "Core", "1.0.9.1", "Base", "1.0.9.1",
                    "CPE", "1.0.1.93"),
            LedState.blink(250, 250),
            Duration.ofMillis(1500),
            PortLedStyle.REGISTERED_LIT,
            new DeviceModel.ResetButtonBehaviour(true, List.of()),
            true);

    private static final List<DeviceModel> ALL = List.of(HT502, HT813);

    private DeviceModels() {
    }

    public static List<DeviceModel> all() {
        return ALL;
    }

    /** The model with this name, in any letter case. */
    public static DeviceModel byName(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        return ALL.stream().filter(model -> model.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "': choose "
                        + String.join(" or ", ALL.stream().map(DeviceModel::id).toList())));
    }

    private static Map<String, String> versions(String... namesAndVersions) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (int i = 0; i < namesAndVersions.length; i += 2) {
            versions.put(namesAndVersions[i], namesAndVersions[i + 1]);
        }
        return versions;
    }
}
