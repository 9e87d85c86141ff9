package dev.ataemu.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Grandstream text config format: one {@code P2 = admin} line per P-value, {@code #} comments.
 * So that any value survives a round trip, a backslash, line breaks, tabs and spaces at either end of
 * a value are written as backslash escapes.
 */
public final class ConfigText {

    private ConfigText() {
    }

    /** What a config text holds: its entries in file order, and the lines it could not read. */
    public record Parsed(Map<String, String> entries, List<String> unreadable) {
    }

    public static Parsed parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\r?\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                unreadable.add("line " + lineNumber + ": no '=' in '" + abbreviate(trimmed) + "'");
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (key.isEmpty()) {
                unreadable.add("line " + lineNumber + ": no name before '=' in '" + abbreviate(trimmed) + "'");
                continue;
            }
            String raw = line.substring(equals + 1);
            entries.put(key, unescape(raw));
        }
        return new Parsed(entries, unreadable);
    }

    public static String format(String header, Map<Integer, String> values) {
        StringBuilder out = new StringBuilder();
        for (String headerLine : header.split("\n")) {
            out.append("# ").append(headerLine).append('\n');
        }
        values.forEach((number, value) -> out.append('P').append(number).append(" = ").append(escape(value)).append('\n'));
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean edgeSpace = c == ' ' && (i == 0 || i == value.length() - 1);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(edgeSpace ? "\\s" : String.valueOf(c));
            }
        }
        return out.toString();
    }

    static String unescape(String raw) {
        String text = trimBlanks(raw);
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 's' -> out.append(' ');
                case '\\' -> out.append('\\');
                default -> out.append(c).append(next);
            }
        }
        return out.toString();
    }

    /**
     * Without the spaces and tabs around it, and nothing else: other white space, such as an em space,
     * is part of the value and is written unescaped, so it must read back as it was written.
     */
    private static String trimBlanks(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
