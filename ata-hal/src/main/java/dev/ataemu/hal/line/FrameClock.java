package dev.ataemu.hal.line;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.time.Scheduler;
import java.time.Duration;

/**
 * Calls a task every 20 ms of device time while the line it serves is in use, and not at all
 * while it is idle, so that an idle fleet costs nothing. Ticks keep to absolute deadlines: a late
 * tick does not push the next ones back.
 */
public final class FrameClock {

    private final Scheduler scheduler;
    private final Runnable tick;
    private Scheduler.Timer next;
    private long nextDueMillis;

    public FrameClock(Scheduler scheduler, Runnable tick) {
        this.scheduler = scheduler;
        this.tick = tick;
    }

    public boolean running() {
        return next != null;
    }

    /** Starts ticking; the first tick comes at once. Harmless when already running. */
    public void start() {
        if (next != null) {
            return;
        }
        nextDueMillis = scheduler.millis();
        next = scheduler.schedule(Duration.ZERO, this::fire);
    }

    public void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    private void fire() {
        nextDueMillis += Audio.FRAME_MS;
        next = scheduler.schedule(Duration.ofMillis(Math.max(0, nextDueMillis - scheduler.millis())), this::fire);
        tick.run();
    }
}
