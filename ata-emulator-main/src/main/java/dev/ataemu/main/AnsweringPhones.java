package dev.ataemu.main;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceEvent;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.port.PortType;
import java.time.Duration;

/**
 * {@code --answer-after MS}: the phones on the device's FXS ports pick up by themselves once they
 * have rung that long, and hang up when the caller has: a fleet then takes a load generator's calls
 * with nobody at the handsets. The phones act through the handset, as a person would: the port
 * takes a hang-up only once the handset has been down longer than a flash (P252), so a port can
 * take its next call about a second and a half after the last one ended.
 */
final class AnsweringPhones {

    private AnsweringPhones() {
    }

    static void attach(Device device, Duration after) {
        device.events().subscribe(event -> {
            if (event instanceof DeviceEvent.Line line && device.model().port(line.port()).type() == PortType.FXS) {
                if (line.state() == LineState.RINGING) {
                    device.scheduler().schedule(after, () -> {
                        if (device.fxsLine(line.port()).state() == LineState.RINGING) {
                            device.handset(line.port()).offHook();
                        }
                    });
                } else if (line.state() == LineState.OFF_HOOK_IDLE) {
                    // Not from inside the line's own change: the hang-up is a new event for it.
                    device.scheduler().execute(() -> device.handset(line.port()).onHook());
                }
            }
        });
    }
}
