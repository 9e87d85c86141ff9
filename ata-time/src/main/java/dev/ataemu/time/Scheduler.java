package dev.ataemu.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The one serial executor of a device: SIP callbacks, hardware events and timers all run on it,
 * one at a time, so the device's state machines need no locks. Tests use {@link VirtualScheduler}
 * so that minutes of device time pass in milliseconds.
 */
public interface Scheduler extends Executor {

    /** The device's clock; monotonic, and virtual under test. */
    Clock clock();

    /** Runs {@code task} on this executor once {@code delay} has passed on {@link #clock()}. */
    Timer schedule(Duration delay, Runnable task);

    /** Milliseconds on this scheduler's clock, for measuring intervals. */
    default long millis() {
        return clock().millis();
    }

    /** A scheduled task that can still be called off. */
    interface Timer {
        /** Stops the task from running if it has not run yet; harmless afterwards. */
        void cancel();
    }
}
