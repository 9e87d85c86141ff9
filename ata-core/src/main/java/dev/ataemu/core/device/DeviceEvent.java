package dev.ataemu.core.device;

import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.line.DisplayedCallerId;

/** Something that changed on a device and that a watcher (the events socket, a test, a log) may care about. */
public sealed interface DeviceEvent {

    record Power(PowerState state) implements DeviceEvent {
    }

    record Led(String id, LedState state) implements DeviceEvent {
    }

    /** The hook state of a port as the firmware sees it (FXO: seized = off hook). */
    record Hook(int port, HookState state) implements DeviceEvent {
    }

    /** Ringing voltage on a port's line switched on or off. */
    record Ring(int port, boolean on) implements DeviceEvent {
    }

    record Registration(int port, RegistrationState state) implements DeviceEvent {
    }

    record Line(int port, LineState state, String dialed) implements DeviceEvent {
    }

    /** A simulated handset's display showed a caller. */
    record CallerIdShown(int port, DisplayedCallerId callerId) implements DeviceEvent {
    }

    record MessageWaitingLamp(int port, boolean on) implements DeviceEvent {
    }

    /** The HT813 life-line relay: true while the phone is wired straight to the PSTN line. */
    record Lifeline(boolean bypass) implements DeviceEvent {
    }

    /** The simulated PSTN line behind the FXO port changed state. */
    record Pstn(String state, String dialed) implements DeviceEvent {
    }
}
