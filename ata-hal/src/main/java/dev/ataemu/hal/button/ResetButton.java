package dev.ataemu.hal.button;

import dev.ataemu.time.Scheduler;
import java.time.Duration;

/**
 * The pinhole reset button. It reports how long it was held when it is let go, and says the moment
 * a press becomes long enough for a factory reset, so the panel can confirm it while the pin is still in.
 */
public final class ResetButton {

    /** How long the button must be held for a factory reset on both models. */
    public static final Duration FACTORY_RESET_PRESS = Duration.ofSeconds(7);

    private final Scheduler scheduler;
    private final Listener listener;
    private Scheduler.Timer armed;
    private long pressedAt = -1;

    public ResetButton(Scheduler scheduler, Listener listener) {
        this.scheduler = scheduler;
        this.listener = listener;
    }

    public boolean pressed() {
        return pressedAt >= 0;
    }

    public void press() {
        if (pressed()) {
            return;
        }
        pressedAt = scheduler.millis();
        armed = scheduler.schedule(FACTORY_RESET_PRESS, () -> {
            armed = null;
            listener.heldLongEnough();
        });
    }

    public void release() {
        if (!pressed()) {
            return;
        }
        long heldMs = scheduler.millis() - pressedAt;
        pressedAt = -1;
        if (armed != null) {
            armed.cancel();
            armed = null;
        }
        listener.released(Duration.ofMillis(heldMs));
    }

    /** Presses, holds for {@code hold}, and lets go. */
    public void pressFor(Duration hold) {
        press();
        scheduler.schedule(hold, this::release);
    }

    /** What the firmware hears from the button. */
    public interface Listener {
        /** The button has been held for {@link #FACTORY_RESET_PRESS} and is still held. */
        default void heldLongEnough() {
        }

        void released(Duration held);
    }
}
