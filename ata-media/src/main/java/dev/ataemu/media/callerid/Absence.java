package dev.ataemu.media.callerid;

import java.util.Optional;

/** Why a number or name is not delivered, with its one-letter code on the line. */
public enum Absence {
    /** Out of area / unavailable. */
    UNAVAILABLE('O'),
    /** Private: withheld by the caller. */
    PRIVATE('P');

    private final char code;

    Absence(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Optional<Absence> ofCode(char code) {
        for (Absence absence : values()) {
            if (absence.code == code) {
                return Optional.of(absence);
            }
        }
        return Optional.empty();
    }
}
