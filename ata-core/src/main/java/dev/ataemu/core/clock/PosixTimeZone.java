package dev.ataemu.core.clock;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Self Defined Time Zone" (P246) and the zone strings of P64, in the POSIX TZ syntax
 * (TIME-03 to TIME-06): {@code std offset [dst [offset] [,start[/time],end[/time]]]}, such as the
 * factory {@code MTZ+6MDT+5,M3.2.0,M11.1.0}. Offsets count hours west of Greenwich (positive for
 * the Americas); daylight time is an hour ahead unless given; {@code Mm.n.d} is the n-th weekday d
 * (0 = Sunday) of month m, n = 5 the last; the change is at 02:00 unless given. A zone with a
 * daylight name and no rules uses the US rules, as the C library does.
 */
public final class PosixTimeZone {

    private static final String NAME = "(<[^>]+>|[A-Za-z]{3,})";
    private static final String OFFSET = "([+-]?\\d{1,2}(?::\\d{2}(?::\\d{2})?)?)";
    private static final Pattern ZONE = Pattern.compile(NAME + OFFSET + "(?:" + NAME + OFFSET + "?" + "(?:,(.+),(.+))?)?");
    private static final Pattern RULE = Pattern.compile("M(\\d{1,2})\\.(\\d)\\.(\\d)(?:/([+-]?\\d{1,3}(?::\\d{2}(?::\\d{2})?)?))?");
    private static final String US_START = "M3.2.0";
    private static final String US_END = "M11.1.0";
    private static final int FIRST_YEAR = 1970;

    private PosixTimeZone() {
    }

    /** The rules the string gives; empty when it is not one. */
    public static Optional<ZoneRules> parse(String text) {
        Matcher zone = ZONE.matcher(text.strip());
        if (!zone.matches()) {
            return Optional.empty();
        }
        try {
            ZoneOffset standard = offset(zone.group(2));
            if (zone.group(3) == null) {
                return Optional.of(ZoneRules.of(standard));
            }
            ZoneOffset daylight = zone.group(4) != null ? offset(zone.group(4))
                    : ZoneOffset.ofTotalSeconds(standard.getTotalSeconds() + 3600);
            String start = zone.group(5) != null ? zone.group(5) : US_START;
            String end = zone.group(6) != null ? zone.group(6) : US_END;
            ZoneOffsetTransitionRule toDaylight = rule(start, standard, standard, daylight);
            ZoneOffsetTransitionRule toStandard = rule(end, standard, daylight, standard);
            if (toDaylight == null || toStandard == null) {
                return Optional.empty();
            }
            // The rules repeat after the last transition listed: list the first year's two.
            List<java.time.zone.ZoneOffsetTransition> first = new java.util.ArrayList<>(List.of(
                    toDaylight.createTransition(FIRST_YEAR), toStandard.createTransition(FIRST_YEAR)));
            first.sort(java.util.Comparator.naturalOrder());
            return Optional.of(ZoneRules.of(standard, standard, List.of(), first, List.of(toDaylight, toStandard)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** POSIX offsets are hours west: {@code +6} is UTC-06:00. */
    private static ZoneOffset offset(String text) {
        return ZoneOffset.ofTotalSeconds(-seconds(text));
    }

    private static int seconds(String text) {
        boolean negative = text.startsWith("-");
        String[] parts = text.replaceFirst("^[+-]", "").split(":");
        int total = Integer.parseInt(parts[0]) * 3600;
        if (parts.length > 1) {
            total += Integer.parseInt(parts[1]) * 60;
        }
        if (parts.length > 2) {
            total += Integer.parseInt(parts[2]);
        }
        return negative ? -total : total;
    }

    private static ZoneOffsetTransitionRule rule(String text, ZoneOffset standard, ZoneOffset before, ZoneOffset after) {
        Matcher rule = RULE.matcher(text.strip());
        if (!rule.matches()) {
            return null;
        }
        Month month = Month.of(Integer.parseInt(rule.group(1)));
        int week = Integer.parseInt(rule.group(2));
        int weekday = Integer.parseInt(rule.group(3));
        if (week < 1 || week > 5 || weekday > 6) {
            return null;
        }
        DayOfWeek day = DayOfWeek.of(weekday == 0 ? 7 : weekday);
        int atSeconds = rule.group(4) != null ? seconds(rule.group(4)) : 2 * 3600;
        boolean endOfDay = atSeconds == 24 * 3600;
        if (atSeconds < 0 || atSeconds > 24 * 3600) {
            return null;
        }
        LocalTime time = endOfDay ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(atSeconds);
        // The n-th weekday is the first one on or after day 1 + 7(n-1); the fifth is the month's last.
        int dayIndicator = week == 5 ? -1 : 1 + 7 * (week - 1);
        return ZoneOffsetTransitionRule.of(month, dayIndicator, day, time, endOfDay,
                ZoneOffsetTransitionRule.TimeDefinition.WALL, standard, before, after);
    }
}
