package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.HookState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON shape of {@code GET /api/emulator/state}; documented in docs/emulator-api.md. */
final class StateJson {

    private StateJson() {
    }

    static Map<String, Object> of(Device device) {
        Map<String, Object> json = of(device.status());
        device.lifelineBypass().ifPresent(bypass -> json.put("lifelineBypass", bypass));
        json.put("providerLocked", device.providerLocked());
        return json;
    }

    static Map<String, Object> of(DeviceStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", status.model());
        json.put("mac", status.mac().compact());
        json.put("firmware", status.firmware());
        json.put("power", status.power().name().toLowerCase(Locale.ROOT));
        json.put("uptimeSeconds", status.uptimeSeconds());
        json.put("ports", status.ports().stream().map(StateJson::port).toList());
        json.put("leds", status.leds().entrySet().stream().map(e -> led(e.getKey(), e.getValue())).toList());
        return json;
    }

    private static Map<String, Object> port(DeviceStatus.Port port) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", port.index());
        json.put("type", port.type().name());
        json.put("label", port.label());
        json.put("hook", port.hook() == HookState.OFF_HOOK ? "off" : "on");
        json.put("registration", port.registration().statusText());
        json.put("line", port.line().state());
        json.put("heldCall", port.line().heldCall());
        json.put("conference", port.line().conference());
        json.put("dnd", port.features().doNotDisturb());
        json.put("forward", port.features().forward());
        json.put("busyForward", port.features().busyForward());
        json.put("delayedForward", port.features().delayedForward());
        return json;
    }

    static Map<String, Object> led(String id, LedState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        if (state instanceof LedState.Blink blink) {
            json.put("state", "blink");
            json.put("onMs", blink.onMs());
            json.put("offMs", blink.offMs());
        } else {
            json.put("state", state instanceof LedState.On ? "on" : "off");
        }
        return json;
    }
}
