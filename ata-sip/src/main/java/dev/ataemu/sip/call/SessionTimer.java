package dev.ataemu.sip.call;

import dev.ataemu.time.Scheduler;
import java.time.Duration;

/**
 * Keeps one call's session alive (RFC 4028 section 10): the refresher refreshes at half the
 * interval; the other side, hearing no refresh, ends the call shortly before the interval is up
 * (the interval less a third of it, or 32 s, whichever is less). Runs on the device's scheduler.
 */
final class SessionTimer {

    private final Scheduler scheduler;
    private final Runnable refresh;
    private final Runnable expired;
    private SessionTimers.Agreement agreement;
    private boolean weRefresh;
    private Scheduler.Timer next;

    SessionTimer(Scheduler scheduler, Runnable refresh, Runnable expired) {
        this.scheduler = scheduler;
        this.refresh = refresh;
        this.expired = expired;
    }

    /** Starts (or restarts) the timer; {@code weRefresh} when this side is the refresher. */
    void start(SessionTimers.Agreement settled, boolean refresher) {
        agreement = settled;
        weRefresh = refresher;
        rearm();
    }

    /** A refresh went through (ours answered, or the peer's arrived): the interval starts again. */
    void refreshed() {
        if (agreement != null) {
            rearm();
        }
    }

    SessionTimers.Agreement agreement() {
        return agreement;
    }

    void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
        agreement = null;
    }

    private void rearm() {
        if (next != null) {
            next.cancel();
        }
        long interval = agreement.intervalSeconds();
        if (weRefresh) {
            next = scheduler.schedule(Duration.ofMillis(interval * 500), refresh);
        } else {
            long beforeEnd = Math.min(32, interval / 3);
            next = scheduler.schedule(Duration.ofSeconds(interval - beforeEnd), expired);
        }
    }
}
