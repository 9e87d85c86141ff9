package dev.ataemu.hal.line;

import dev.ataemu.media.callerid.Absence;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.callerid.DateAndTime;
import java.time.LocalDateTime;

/** Caller IDs as people give them: a number and a name that may be blank, and the time of the call. */
public final class CallerIds {

    private CallerIds() {
    }

    /** A blank number or name is sent as "unavailable" (O), as an exchange does. */
    public static CallerId of(String number, String name, LocalDateTime time) {
        CallerId callerId = CallerId.empty().withDateTime(DateAndTime.of(time));
        callerId = number == null || number.isBlank() ? callerId.withNumberAbsent(Absence.UNAVAILABLE)
                : callerId.withNumber(number.strip());
        return name == null || name.isBlank() ? callerId.withNameAbsent(Absence.UNAVAILABLE)
                : callerId.withName(name.strip());
    }

    /** A caller who withheld their identity: number and name sent as "private" (P). */
    public static CallerId withheld(LocalDateTime time) {
        return CallerId.empty().withDateTime(DateAndTime.of(time)).withNumberAbsent(Absence.PRIVATE)
                .withNameAbsent(Absence.PRIVATE);
    }
}
