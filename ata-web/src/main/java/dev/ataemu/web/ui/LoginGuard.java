package dev.ataemu.web.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * The HT813's brute-force protection (SEC-07, WEB-26/27): after "Web Access Attempt Limit"
 * (P28117) failed logins the login is locked for "Web Lockout Duration" (P1683 minutes; 0 means
 * never). A good login clears the count. Without those settings (the HT502) nothing is ever locked.
 */
final class LoginGuard {

    private final Clock clock;
    private final IntSupplier attemptLimit;
    private final IntSupplier lockoutMinutes;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    /** An {@code attemptLimit} of 0 or less turns the guard off. */
    LoginGuard(Clock clock, IntSupplier attemptLimit, IntSupplier lockoutMinutes) {
        this.clock = clock;
        this.attemptLimit = attemptLimit;
        this.lockoutMinutes = lockoutMinutes;
    }

    synchronized boolean locked() {
        return clock.instant().isBefore(lockedUntil);
    }

    /** Seconds until the lock ends; 0 when not locked. */
    synchronized long remainingSeconds() {
        Instant now = clock.instant();
        return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil).toSeconds() + 1 : 0;
    }

    synchronized int failures() {
        return failures;
    }

    /** Attempts left before the lock; -1 when there is no limit. */
    synchronized int attemptsLeft() {
        int limit = attemptLimit.getAsInt();
        return limit <= 0 ? -1 : Math.max(0, limit - failures);
    }

    synchronized void failed() {
        int limit = attemptLimit.getAsInt();
        if (limit <= 0) {
            return;
        }
        failures++;
        if (failures >= limit) {
            int minutes = lockoutMinutes.getAsInt();
            if (minutes > 0) {
                lockedUntil = clock.instant().plus(Duration.ofMinutes(minutes));
            }
            failures = 0;
        }
    }

    synchronized void succeeded() {
        failures = 0;
    }

    synchronized int attemptLimit() {
        return attemptLimit.getAsInt();
    }
}
