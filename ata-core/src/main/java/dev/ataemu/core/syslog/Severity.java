package dev.ataemu.core.syslog;

/** The levels the devices log at, with their syslog severities (RFC 5424 numbers). */
public enum Severity {
    DEBUG(7, 1),
    INFO(6, 2),
    WARNING(4, 3),
    ERROR(3, 4);

    private final int code;
    /** Its place on "Syslog Level" (P208): 1 DEBUG, 2 INFO, 3 WARNING, 4 ERROR. */
    private final int level;

    Severity(int code, int level) {
        this.code = code;
        this.level = level;
    }

    int code() {
        return code;
    }

    /**
     * Whether "Syslog Level" {@code p208} lets this through (LOG-16): it is a threshold, 0 (NONE)
     * sends nothing, the HT813's 5 (EXTRA DEBUG) everything.
     */
    boolean passes(int p208) {
        if (p208 <= 0) {
            return false;
        }
        return p208 >= 5 || level >= p208;
    }
}
