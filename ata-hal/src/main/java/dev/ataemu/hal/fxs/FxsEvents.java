package dev.ataemu.hal.fxs;

/** What an FXS port tells the firmware about the phone on its line. Calls arrive on the device's scheduler. */
public interface FxsEvents {

    FxsEvents NONE = new FxsEvents() {
    };

    /** The phone went off hook (picked up). */
    default void offHook() {
    }

    /** The phone stayed on hook long enough to count as hung up. */
    default void onHook() {
    }

    /** A hook flash: a short on-hook within the flash window. */
    default void hookFlash() {
    }

    /** A key: 0-9, *, #, A-D, as detected in the phone's audio, or dialed with pulses. */
    default void digit(char key) {
    }
}
