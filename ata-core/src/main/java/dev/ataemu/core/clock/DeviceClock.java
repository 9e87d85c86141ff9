package dev.ataemu.core.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The device's wall clock (TIME-07): the scheduler's time, corrected by what NTP said, in the
 * device's time zone. It is what the status page, caller-ID time stamps, syslog and the daily
 * upgrade check read; timers keep using the scheduler. Its zone is the offset in force at the
 * moment asked, so that {@code LocalDateTime.now(clock)} gives the local time with daylight time.
 */
public final class DeviceClock extends Clock {

    private final Clock base;
    private volatile Duration correction = Duration.ZERO;
    private volatile ZoneRules rules = ZoneOffset.UTC.getRules();

    public DeviceClock(Clock base) {
        this.base = base;
    }

    /** NTP's difference from the host's time. */
    public void correction(Duration difference) {
        correction = difference;
    }

    /** NTP said that now is {@code trueNow}: the clock shows that from here on. */
    public void correctTo(Instant trueNow) {
        correction = Duration.between(base.instant(), trueNow);
    }

    public Duration correction() {
        return correction;
    }

    public void rules(ZoneRules zone) {
        rules = zone;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(correction);
    }

    @Override
    public ZoneId getZone() {
        return rules.getOffset(instant());
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), correction);
    }
}
