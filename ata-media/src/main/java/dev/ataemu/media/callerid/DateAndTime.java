package dev.ataemu.media.callerid;

import java.time.LocalDateTime;

/**
 * The caller-ID "date and time" field: month, day, hour, minute of local time, sent as the eight
 * ASCII digits {@code MMDDHHMM}. There is no year on the line.
 */
public record DateAndTime(int month, int day, int hour, int minute) {

    public DateAndTime {
        check(month, 1, 12, "month");
        check(day, 1, 31, "day");
        check(hour, 0, 23, "hour");
        check(minute, 0, 59, "minute");
    }

    public static DateAndTime of(LocalDateTime time) {
        return new DateAndTime(time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute());
    }

    /** Reads {@code MMDDHHMM}, or throws {@link MalformedMessageException} saying why not. */
    public static DateAndTime parse(String wire) {
        if (wire.length() != 8 || !wire.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedMessageException("date and time must be 8 digits MMDDHHMM: '" + wire + "'");
        }
        try {
            return new DateAndTime(Integer.parseInt(wire.substring(0, 2)), Integer.parseInt(wire.substring(2, 4)),
                    Integer.parseInt(wire.substring(4, 6)), Integer.parseInt(wire.substring(6, 8)));
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("date and time out of range: '" + wire + "'");
        }
    }

    public String wire() {
        return String.format("%02d%02d%02d%02d", month, day, hour, minute);
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside " + min + "-" + max);
        }
    }
}
