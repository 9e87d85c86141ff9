package dev.ataemu.core.device;

import dev.ataemu.hal.led.LedState;

/** How a model's port LEDs speak, as its manual describes them. */
public enum PortLedStyle {

    /**
     * HT502: lit while the port is in use, dark while it is free, slow blink for waiting voicemail.
     * It does not show registration. P4049 = 1 inverts lit and dark.
     */
    BUSY_LIT,

    /**
     * HT813: dark while unregistered, lit when registered and free, blinking every 500 ms while in
     * use, slow blink for waiting voicemail.
     */
    REGISTERED_LIT;

    public static final LedState SLOW_BLINK = LedState.blink(1000, 1000);
    public static final LedState BUSY_BLINK = LedState.blink(500, 500);

    /** What the LED of a port shows. */
    public LedState show(PortActivity activity, boolean inverted) {
        return switch (this) {
            case BUSY_LIT -> {
                if (activity.messageWaiting() && !activity.busy()) {
                    yield SLOW_BLINK;
                }
                yield activity.busy() != inverted ? LedState.ON : LedState.OFF;
            }
            case REGISTERED_LIT -> {
                if (activity.busy()) {
                    yield BUSY_BLINK;
                }
                if (activity.messageWaiting()) {
                    yield SLOW_BLINK;
                }
                yield activity.registered() ? LedState.ON : LedState.OFF;
            }
        };
    }

    /** What a port LED reflects. */
    public record PortActivity(boolean registered, boolean busy, boolean messageWaiting) {
    }
}
