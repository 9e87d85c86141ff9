package dev.ataemu.sip.sdp;

import java.util.Objects;

/** The character rules shared by the model's records and the parser. */
final class SdpText {

    private SdpText() {
    }

    /** Non-empty, and no whitespace or control characters: one field of a line. */
    static String requireToken(String text, String what) {
        requireText(text, what);
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                throw new IllegalArgumentException(what + " contains whitespace: " + abbreviate(text));
            }
        }
        return text;
    }

    /** No control characters other than tab: a line's value, which must not break the line. */
    static String requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains control character " + (int) c);
            }
        }
        return text;
    }

    /** Hostile input can be long: messages quote at most a few dozen characters. */
    static String abbreviate(String text) {
        return text.length() <= 48 ? text : text.substring(0, 45) + "...";
    }

    /** A decimal number of at most {@code maxDigits} digits, or -1. */
    static long digits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
