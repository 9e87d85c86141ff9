package dev.ataemu.core.device;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.hal.led.Led;
import dev.ataemu.hal.led.LedState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** The LEDs of a device and the rules of its model that light them. */
final class FrontPanel {

    // HT502 P4049 "Phone LED Pattern": 1 = lit on hook, dark off hook.
    private static final int PHONE_LED_PATTERN = 4049;

    private final DeviceModel model;
    private final ParameterStore store;
    private final Map<String, Led> leds = new LinkedHashMap<>();

    FrontPanel(DeviceModel model, ParameterStore store) {
        this.model = model;
        this.store = store;
        model.leds().forEach(id -> leds.put(id, new Led(id)));
    }

    Led led(String id) {
        Led led = leds.get(id);
        if (led == null) {
            throw new IllegalArgumentException("the " + model.id() + " has no " + id + " LED");
        }
        return led;
    }

    List<Led> all() {
        return List.copyOf(leds.values());
    }

    void dark() {
        leds.values().forEach(led -> led.show(LedState.OFF));
    }

    void booting() {
        dark();
        led(DeviceModel.POWER_LED).show(model.powerLedBooting());
    }

    /** The device is up: Power and WAN lit (the WAN link is up; no PC is on the LAN port), then the ports. */
    void ready(IntFunction<PortLedStyle.PortActivity> activity) {
        led(DeviceModel.POWER_LED).show(LedState.ON);
        led(DeviceModel.WAN_LED).show(LedState.ON);
        led(DeviceModel.LAN_LED).show(LedState.OFF);
        model.ports().forEach(port -> showPort(port.index(), activity.apply(port.index())));
    }

    void showPort(int index, PortLedStyle.PortActivity activity) {
        boolean inverted = store.catalog().find(PHONE_LED_PATTERN).isPresent() && store.getInt(PHONE_LED_PATTERN) == 1;
        led(model.port(index).ledId()).show(model.portLeds().show(activity, inverted));
    }

    /** The reset button has been held long enough: the model's confirmation LEDs light. */
    void confirmReset() {
        model.resetButton().confirmLeds().forEach(id -> led(id).show(LedState.ON));
    }
}
