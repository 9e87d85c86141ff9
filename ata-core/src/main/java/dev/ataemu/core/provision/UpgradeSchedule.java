package dev.ataemu.core.provision;

import dev.ataemu.core.config.ParameterStore;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * "Automatic Upgrade": when the next provisioning check comes (PROV-10, PROV-11, PROV-13). HT502
 * P194: No, daily at hour P285, weekly on day P286 (0 = Sunday) at hour P285, or every P193
 * minutes. HT813 P22296: No, every P193 minutes, daily at hour P285, weekly on day P286.
 */
public final class UpgradeSchedule {

    private static final int HT502_MODE = 194;
    private static final int HT813_MODE = 22296;
    private static final int INTERVAL_MINUTES = 193;
    private static final int HOUR = 285;
    private static final int WEEKDAY = 286;

    private UpgradeSchedule() {
    }

    private enum Mode { NONE, EVERY, DAILY, WEEKLY }

    /** How long from {@code now} until the next check; empty when the device checks only at boot. */
    public static Optional<Duration> untilNext(ParameterStore store, ZonedDateTime now) {
        Mode mode = mode(store);
        int hour = store.getIntOr(HOUR, 1);
        return switch (mode) {
            case NONE -> Optional.empty();
            case EVERY -> Optional.of(Duration.ofMinutes(Math.max(1, store.getIntOr(INTERVAL_MINUTES, 10080))));
            case DAILY -> Optional.of(until(now, atHour(now, hour), Duration.ofDays(1)));
            case WEEKLY -> {
                // P286 counts from Sunday (0) to Saturday (6).
                DayOfWeek day = DayOfWeek.of(store.getIntOr(WEEKDAY, 1) == 0 ? 7 : store.getIntOr(WEEKDAY, 1));
                ZonedDateTime next = atHour(now, hour).with(TemporalAdjusters.nextOrSame(day));
                yield Optional.of(until(now, next, Duration.ofDays(7)));
            }
        };
    }

    private static Mode mode(ParameterStore store) {
        if (store.catalog().find(HT813_MODE).isPresent()) {
            return switch (store.getInt(HT813_MODE)) {
                case 1 -> Mode.EVERY;
                case 2 -> Mode.DAILY;
                case 3 -> Mode.WEEKLY;
                default -> Mode.NONE;
            };
        }
        return switch (store.getIntOr(HT502_MODE, 0)) {
            case 1 -> Mode.DAILY;
            case 2 -> Mode.WEEKLY;
            case 3 -> Mode.EVERY;
            default -> Mode.NONE;
        };
    }

    private static ZonedDateTime atHour(ZonedDateTime now, int hour) {
        return now.truncatedTo(ChronoUnit.DAYS).withHour(hour);
    }

    /** From now to {@code next}, or to a period later when that moment has passed. */
    private static Duration until(ZonedDateTime now, ZonedDateTime next, Duration period) {
        Duration wait = Duration.between(now, next);
        return wait.isNegative() || wait.isZero() ? wait.plus(period) : wait;
    }
}
