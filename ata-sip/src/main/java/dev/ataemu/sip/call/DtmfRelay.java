package dev.ataemu.sip.call;

import java.util.Locale;
import java.util.Optional;

/**
 * Keys carried in SIP INFO bodies: {@code application/dtmf-relay} ({@code Signal=5} and
 * {@code Duration=160} lines, as Grandstream and Cisco send them) and the bare
 * {@code application/dtmf} (the key alone). Event codes 10-16 stand for {@code * # A B C D} and
 * the hook flash, which is {@link #FLASH}.
 */
public final class DtmfRelay {

    public static final String TYPE = "application";
    public static final String RELAY_SUBTYPE = "dtmf-relay";
    public static final String BARE_SUBTYPE = "dtmf";
    /** The hook flash, which has no key of its own (event 16 of RFC 4733). */
    public static final char FLASH = '!';
    private static final String KEYS = "0123456789*#ABCD";
    private static final int MAX_BODY = 512;

    private DtmfRelay() {
    }

    /** The {@code application/dtmf-relay} body for one key press. */
    public static String body(char key, int durationMs) {
        String signal = key == FLASH ? "16" : String.valueOf(Character.toUpperCase(key));
        if (key != FLASH && KEYS.indexOf(Character.toUpperCase(key)) < 0) {
            throw new IllegalArgumentException("not a key: " + key);
        }
        if (durationMs <= 0) {
            throw new IllegalArgumentException("a press lasts a positive time, not " + durationMs + " ms");
        }
        return "Signal=" + signal + "\r\nDuration=" + durationMs + "\r\n";
    }

    /** Whether this content type (subtype, any case) carries keys. */
    public static boolean carriesKeys(String subtype) {
        return RELAY_SUBTYPE.equalsIgnoreCase(subtype) || BARE_SUBTYPE.equalsIgnoreCase(subtype);
    }

    /** The key in a body of either type; empty when the body holds none that is valid. */
    public static Optional<Character> key(String subtype, String body) {
        if (body == null || body.length() > MAX_BODY) {
            return Optional.empty();
        }
        if (BARE_SUBTYPE.equalsIgnoreCase(subtype)) {
            return signal(body.trim());
        }
        for (String line : body.split("\r?\n")) {
            int equals = line.indexOf('=');
            if (equals > 0 && line.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("signal")) {
                return signal(line.substring(equals + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<Character> signal(String value) {
        if (value.length() == 1 && KEYS.indexOf(Character.toUpperCase(value.charAt(0))) >= 0) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        if (value.equals("16") || value.equalsIgnoreCase("hf")) {
            return Optional.of(FLASH);
        }
        if (value.length() == 2 && value.matches("1[0-5]")) {
            return Optional.of(KEYS.charAt(Integer.parseInt(value)));
        }
        return Optional.empty();
    }
}
