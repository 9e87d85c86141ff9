package dev.ataemu.media.callerid;

import java.util.Optional;

/** Why the call was forwarded (Bellcore MDMF parameter 0x05), with its character on the line. */
public enum Redirection {
    UNCONDITIONAL('0'),
    BUSY('1'),
    NO_ANSWER('2');

    private final char code;

    Redirection(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static Optional<Redirection> ofCode(char code) {
        for (Redirection redirection : values()) {
            if (redirection.code == code) {
                return Optional.of(redirection);
            }
        }
        return Optional.empty();
    }
}
