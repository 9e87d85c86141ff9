package dev.ataemu.core.device;

import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.port.PortType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A snapshot of what can be seen of a device from outside: the status page and the front panel. */
public record DeviceStatus(
        String model,
        MacAddress mac,
        Map<String, String> firmware,
        PowerState power,
        long uptimeSeconds,
        List<Port> ports,
        Map<String, LedState> leds) {

    public DeviceStatus {
        firmware = Collections.unmodifiableMap(new LinkedHashMap<>(firmware));
        ports = List.copyOf(ports);
        leds = Collections.unmodifiableMap(new LinkedHashMap<>(leds));
    }

    public record Port(int index, PortType type, String label, HookState hook, RegistrationState registration) {
    }
}
