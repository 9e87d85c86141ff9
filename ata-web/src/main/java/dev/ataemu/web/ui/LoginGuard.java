package dev.ataemu.web.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The HT813's brute-force protection (SEC-07, WEB-26/27): after "Web Access Attempt Limit"
 * (P28117) failed logins within "Web Lockout Duration" (P1683 minutes) the login is locked for
 * that long; 0 minutes means never locked. A good login clears the count. Each source address
 * has its own count and lock (GAP-61), so a stranger's wrong guesses do not lock the
 * administrator out. Without those settings (the HT502) nothing is ever locked.
 */
final class LoginGuard {

    /** Sources remembered at once; the one unseen longest is forgotten first. */
    private static final int MAX_SOURCES = 1024;

    /** One source's failures since its first counted one, and its lock. */
    private static final class Record {
        int failures;
        Instant firstFailure = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final IntSupplier attemptLimit;
    private final IntSupplier lockoutMinutes;
    private final Map<String, Record> sources = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
            return size() > MAX_SOURCES;
        }
    };

    /** An {@code attemptLimit} of 0 or less turns the guard off. */
    LoginGuard(Clock clock, IntSupplier attemptLimit, IntSupplier lockoutMinutes) {
        this.clock = clock;
        this.attemptLimit = attemptLimit;
        this.lockoutMinutes = lockoutMinutes;
    }

    synchronized boolean locked(String source) {
        Record record = sources.get(source);
        return record != null && clock.instant().isBefore(record.lockedUntil);
    }

    /** Seconds until the lock on {@code source} ends; 0 when not locked. */
    synchronized long remainingSeconds(String source) {
        Record record = sources.get(source);
        Instant now = clock.instant();
        // Rounded up: a lock with 0.2 s to go still says 1 s.
        return record != null && now.isBefore(record.lockedUntil)
                ? (Duration.between(now, record.lockedUntil).toMillis() + 999) / 1000 : 0;
    }

    synchronized int failures(String source) {
        Record record = sources.get(source);
        return record == null ? 0 : current(record).failures;
    }

    /** Attempts left before the lock; -1 when no lock lies ahead. */
    synchronized int attemptsLeft(String source) {
        int limit = attemptLimit.getAsInt();
        return limit <= 0 || lockoutMinutes.getAsInt() <= 0 ? -1 : Math.max(0, limit - failures(source));
    }

    synchronized void failed(String source) {
        int limit = attemptLimit.getAsInt();
        int minutes = lockoutMinutes.getAsInt();
        if (limit <= 0 || minutes <= 0) {
            return;
        }
        Record record = current(sources.computeIfAbsent(source, any -> new Record()));
        Instant now = clock.instant();
        if (record.failures == 0) {
            record.firstFailure = now;
        }
        record.failures++;
        if (record.failures >= limit) {
            record.lockedUntil = now.plus(Duration.ofMinutes(minutes));
            record.failures = 0;
        }
    }

    synchronized void succeeded(String source) {
        Record record = sources.get(source);
        if (record != null && !clock.instant().isBefore(record.lockedUntil)) {
            sources.remove(source);
        }
    }

    synchronized int attemptLimit() {
        return attemptLimit.getAsInt();
    }

    /** Failures older than the lockout duration no longer count. */
    private Record current(Record record) {
        Duration window = Duration.ofMinutes(Math.max(0, lockoutMinutes.getAsInt()));
        if (record.failures > 0 && Duration.between(record.firstFailure, clock.instant()).compareTo(window) > 0) {
            record.failures = 0;
        }
        return record;
    }
}
