package dev.ataemu.core.device;

import dev.ataemu.hal.led.LedState;
import java.time.Duration;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What distinguishes one ATA model from another, as data: code asks the descriptor instead of
 * testing the model's name.
 *
 * @param id               the model name as the status page shows it and the catalog keys it
 * @param ports            the analog ports, numbered from 1
 * @param leds             the LED ids, in panel order
 * @param firmware         the factory firmware components and their versions, in the order the status page lists them
 * @param powerLedBooting  what the Power LED shows while the device boots
 * @param bootTime         how long a boot takes, from power to ready
 * @param portLeds         how the port LEDs show the ports' state
 * @param resetButton      what the reset button does
 * @param lifeline         whether a relay wires the FXS jack to the PSTN line without power (HT813)
 */
public record DeviceModel(
        String id,
        List<PortDescriptor> ports,
        List<String> leds,
        Map<String, String> firmware,
        LedState powerLedBooting,
        Duration bootTime,
        PortLedStyle portLeds,
        ResetButtonBehaviour resetButton,
        boolean lifeline) {

    public static final String POWER_LED = "POWER";
    public static final String WAN_LED = "WAN";
    public static final String LAN_LED = "LAN";

    public DeviceModel {
        ports = List.copyOf(ports);
        leds = List.copyOf(leds);
        firmware = Collections.unmodifiableMap(new LinkedHashMap<>(firmware));
    }

    /** This model with boots that take {@code time} instead (the emulator's {@code --boot-time}). */
    public DeviceModel withBootTime(Duration time) {
        return new DeviceModel(id, ports, leds, firmware, powerLedBooting, time, portLeds, resetButton, lifeline);
    }

    /** The main firmware release ("Program"). */
    public String programVersion() {
        return firmware.values().iterator().next();
    }

    /**
     * What the reset button does on a model.
     *
     * @param shortPressReboots whether a press shorter than the factory-reset press reboots (HT813) or is ignored (HT502)
     * @param confirmLeds       the LEDs that light while the button has been held long enough (HT502: LAN and WAN)
     */
    public record ResetButtonBehaviour(boolean shortPressReboots, List<String> confirmLeds) {
        public ResetButtonBehaviour {
            confirmLeds = List.copyOf(confirmLeds);
        }
    }

    public PortDescriptor port(int index) {
        return ports.stream().filter(port -> port.index() == index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the " + id + " has no port " + index));
    }
}
