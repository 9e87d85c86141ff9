package dev.ataemu.media.callerid;

import java.util.Optional;

/**
 * What caller ID tells the called party: the number or why it is missing, the name or why it is
 * missing, the date and time, and why the call was forwarded.
 */
public record CallerId(Optional<String> number, Optional<String> name, Optional<DateAndTime> dateTime,
        Optional<Absence> numberAbsence, Optional<Absence> nameAbsence, Optional<Redirection> redirection) {

    public CallerId {
        if (number.isPresent() && numberAbsence.isPresent()) {
            throw new IllegalArgumentException("a number and a reason for its absence");
        }
        if (name.isPresent() && nameAbsence.isPresent()) {
            throw new IllegalArgumentException("a name and a reason for its absence");
        }
        if (number.filter(String::isEmpty).isPresent() || name.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("an empty number or name: leave it out or give a reason");
        }
    }

    /** Nothing at all: used as the start of the {@code with...} chain. */
    public static CallerId empty() {
        return new CallerId(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static CallerId of(String number, String name, DateAndTime dateTime) {
        return empty().withNumber(number).withName(name).withDateTime(dateTime);
    }

    public CallerId withNumber(String value) {
        return new CallerId(Optional.of(value), name, dateTime, Optional.empty(), nameAbsence, redirection);
    }

    public CallerId withName(String value) {
        return new CallerId(number, Optional.of(value), dateTime, numberAbsence, Optional.empty(), redirection);
    }

    public CallerId withDateTime(DateAndTime value) {
        return new CallerId(number, name, Optional.of(value), numberAbsence, nameAbsence, redirection);
    }

    public CallerId withNumberAbsent(Absence reason) {
        return new CallerId(Optional.empty(), name, dateTime, Optional.of(reason), nameAbsence, redirection);
    }

    public CallerId withNameAbsent(Absence reason) {
        return new CallerId(number, Optional.empty(), dateTime, numberAbsence, Optional.of(reason), redirection);
    }

    public CallerId withRedirection(Redirection value) {
        return new CallerId(number, name, dateTime, numberAbsence, nameAbsence, Optional.of(value));
    }
}
