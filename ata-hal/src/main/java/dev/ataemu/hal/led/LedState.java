package dev.ataemu.hal.led;

/** What an LED shows: dark, lit, or blinking with an on/off period. */
public sealed interface LedState {

    Off OFF = new Off();
    On ON = new On();

    static Blink blink(int onMs, int offMs) {
        return new Blink(onMs, offMs);
    }

    record Off() implements LedState {
    }

    record On() implements LedState {
    }

    record Blink(int onMs, int offMs) implements LedState {
        public Blink {
            if (onMs <= 0 || offMs <= 0) {
                throw new IllegalArgumentException("blink periods must be positive: " + onMs + "/" + offMs);
            }
        }
    }
}
