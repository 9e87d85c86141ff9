package dev.ataemu.core.syslog;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line as the devices send it (LOG-03 to LOG-05): a BSD syslog (RFC 3164) header with the USER
 * facility, then {@code GS_LOG: [<mac>][<code>] <message>}, such as
 * {@code <14>May 19 02:40:38 192.168.1.14 GS_LOG: [00:0b:82:00:a1:be][000] Ethernet link is up}.
 */
public final class SyslogMessage {

    private static final int USER_FACILITY = 1;
    /** RFC 3164's timestamp: the day space-padded to two places. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);

    private SyslogMessage() {
    }

    /**
     * @param mac  the device MAC in lower case with colons
     * @param host the device's address, or its name when it has none
     */
    public static String format(Severity severity, ZonedDateTime time, String host, String mac, int code, String message) {
        int priority = USER_FACILITY * 8 + severity.code();
        // One line per message: a SIP message's own line breaks would start new syslog lines.
        String text = message.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return "<" + priority + ">" + STAMP.format(time) + " " + host + " GS_LOG: [" + mac + "]["
                + String.format("%03d", code) + "] " + text;
    }
}
