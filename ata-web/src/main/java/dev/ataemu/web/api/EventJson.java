package dev.ataemu.web.api;

import dev.ataemu.core.device.DeviceEvent;
import dev.ataemu.hal.line.DisplayedCallerId;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.media.callerid.Absence;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON of each device event on the events socket; documented in docs/emulator-api.md. */
final class EventJson {

    private EventJson() {
    }

    static Map<String, Object> of(DeviceEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (event instanceof DeviceEvent.Power power) {
            json.put("type", "power");
            json.put("state", lower(power.state().name()));
        } else if (event instanceof DeviceEvent.Led led) {
            json.put("type", "led");
            json.putAll(StateJson.led(led.id(), led.state()));
        } else if (event instanceof DeviceEvent.Hook hook) {
            json.put("type", "hook");
            json.put("port", hook.port());
            json.put("state", hook.state() == HookState.OFF_HOOK ? "off" : "on");
        } else if (event instanceof DeviceEvent.Ring ring) {
            json.put("type", "ring");
            json.put("port", ring.port());
            json.put("on", ring.on());
        } else if (event instanceof DeviceEvent.Registration registration) {
            json.put("type", "registration");
            json.put("port", registration.port());
            json.put("state", registration.state().statusText());
        } else if (event instanceof DeviceEvent.Line line) {
            json.put("type", "call");
            json.put("port", line.port());
            json.put("state", lower(line.state().name()));
            json.put("dialed", line.dialed());
        } else if (event instanceof DeviceEvent.CallerIdShown shown) {
            json.put("type", "callerId");
            json.put("port", shown.port());
            json.putAll(callerId(shown.callerId()));
        } else if (event instanceof DeviceEvent.MessageWaitingLamp lamp) {
            json.put("type", "messageWaitingLamp");
            json.put("port", lamp.port());
            json.put("on", lamp.on());
        } else if (event instanceof DeviceEvent.Lifeline lifeline) {
            json.put("type", "lifeline");
            json.put("bypass", lifeline.bypass());
        } else if (event instanceof DeviceEvent.Pstn pstn) {
            json.put("type", "pstn");
            json.put("state", pstn.state());
            json.put("dialed", pstn.dialed());
        }
        return json;
    }

    static Map<String, Object> callerId(DisplayedCallerId shown) {
        Map<String, Object> json = new LinkedHashMap<>();
        var id = shown.callerId();
        json.put("number", id.number().orElse(null));
        json.put("name", id.name().orElse(null));
        json.put("dateTime", id.dateTime().map(d -> d.wire()).orElse(null));
        json.put("numberAbsence", id.numberAbsence().map(EventJson::absence).orElse(null));
        json.put("nameAbsence", id.nameAbsence().map(EventJson::absence).orElse(null));
        json.put("callWaiting", shown.callWaiting());
        return json;
    }

    private static String absence(Absence absence) {
        return absence == Absence.PRIVATE ? "private" : "unavailable";
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
