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

    /**
     * One port: its hook and registration, the call features set on it with star codes (the status
     * page's DND and forward columns), and where its line is in a call.
     */
    public record Port(int index, PortType type, String label, HookState hook, RegistrationState registration,
            Features features, Line line) {
    }

    /** DND and the three forward targets ("" when off); an FXO port has none. */
    public record Features(boolean doNotDisturb, String forward, String busyForward, String delayedForward) {
        public static final Features NONE = new Features(false, "", "", "");
    }

    /** The line's state (idle, ringing, dial_tone, ..., connected), with a call on hold or a conference. */
    public record Line(String state, boolean heldCall, boolean conference) {
        public static final Line IDLE = new Line("idle", false, false);
    }
}
