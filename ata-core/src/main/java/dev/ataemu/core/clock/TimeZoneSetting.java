package dev.ataemu.core.clock;

import dev.ataemu.core.config.ParameterStore;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * The device's time zone from its settings (TIME-02, TIME-03): "Time Zone" (P64) holds a POSIX zone
 * such as {@code EST5EDT}, or {@code customize} for the "Self Defined Time Zone" (P246). A region
 * name ({@code Europe/Berlin}) is taken too. Anything else is UTC.
 */
public final class TimeZoneSetting {

    private static final int TIME_ZONE = 64;
    private static final int SELF_DEFINED = 246;
    private static final String CUSTOMIZE = "customize";

    private TimeZoneSetting() {
    }

    public static ZoneRules rules(ParameterStore store) {
        String zone = store.getOrEmpty(TIME_ZONE).strip();
        if (zone.isEmpty() || zone.equalsIgnoreCase(CUSTOMIZE)) {
            zone = store.getOrEmpty(SELF_DEFINED).strip();
        }
        return of(zone).orElse(ZoneOffset.UTC.getRules());
    }

    static Optional<ZoneRules> of(String zone) {
        Optional<ZoneRules> posix = PosixTimeZone.parse(zone);
        if (posix.isPresent()) {
            return posix;
        }
        try {
            return Optional.of(ZoneId.of(zone).getRules());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code changed} P-values include the zone settings. */
    public static boolean touches(java.util.Set<Integer> changed) {
        return changed.contains(TIME_ZONE) || changed.contains(SELF_DEFINED);
    }
}
