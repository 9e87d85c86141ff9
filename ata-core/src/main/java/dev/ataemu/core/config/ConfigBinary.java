package dev.ataemu.core.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy binary {@code cfg<mac>} format (INTERFACES 3.1): a big-endian header (length in
 * 16-bit words, a checksum word, the device's MAC, CRLF CRLF) and a body of URL-encoded
 * {@code P<n>=value} pairs joined by {@code &}, ending with {@code gnkey=0b82}. The 16-bit words of
 * a good file sum to 0.
 */
public final class ConfigBinary {

    private static final int HEADER_BYTES = 16;
    private static final String KEY = "gnkey=0b82";

    private ConfigBinary() {
    }

    /** Whether {@code file} looks like one: the length word matches and the CRLF CRLF is in place. */
    public static boolean looksLikeOne(byte[] file) {
        return file.length >= HEADER_BYTES && file[12] == 0x0D && file[13] == 0x0A && file[14] == 0x0D && file[15] == 0x0A
                && lengthWords(file) * 2L == file.length;
    }

    /** The file for {@code mac} (12 hex digits) holding {@code values} in order. */
    public static byte[] encode(String mac, Map<String, String> values) {
        StringBuilder body = new StringBuilder();
        values.forEach((key, value) -> body.append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        body.append(KEY);
        byte[] text = body.toString().getBytes(StandardCharsets.US_ASCII);
        int length = HEADER_BYTES + text.length + (text.length % 2);
        byte[] file = new byte[length];
        int words = length / 2;
        file[0] = (byte) (words >>> 24);
        file[1] = (byte) (words >>> 16);
        file[2] = (byte) (words >>> 8);
        file[3] = (byte) words;
        byte[] macBytes = java.util.HexFormat.of().parseHex(mac);
        System.arraycopy(macBytes, 0, file, 6, 6);
        file[12] = 0x0D;
        file[13] = 0x0A;
        file[14] = 0x0D;
        file[15] = 0x0A;
        System.arraycopy(text, 0, file, HEADER_BYTES, text.length);
        int checksum = (0x10000 - (wordSum(file) & 0xFFFF)) & 0xFFFF;
        file[4] = (byte) (checksum >>> 8);
        file[5] = (byte) checksum;
        return file;
    }

    /**
     * The entries of a file, checked: its length, its checksum, that it is for {@code mac} (12 hex
     * digits; any MAC when empty), and the {@code gnkey} that must end it.
     */
    public static ConfigText.Parsed parse(byte[] file, String mac) {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        if (!looksLikeOne(file)) {
            unreadable.add("not a binary config file (its length word or header does not match)");
            return new ConfigText.Parsed(entries, unreadable);
        }
        if ((wordSum(file) & 0xFFFF) != 0) {
            unreadable.add("the checksum does not match");
            return new ConfigText.Parsed(entries, unreadable);
        }
        String forMac = java.util.HexFormat.of().formatHex(file, 6, 12);
        if (!mac.isEmpty() && !forMac.equalsIgnoreCase(mac)) {
            unreadable.add("the file is for " + forMac + ", not this device (" + mac.toLowerCase() + ")");
            return new ConfigText.Parsed(entries, unreadable);
        }
        String body = new String(file, HEADER_BYTES, file.length - HEADER_BYTES, StandardCharsets.ISO_8859_1);
        int end = body.indexOf(KEY);
        if (end < 0) {
            unreadable.add("no " + KEY + " ends the settings");
            return new ConfigText.Parsed(entries, unreadable);
        }
        for (String pair : body.substring(0, end).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                unreadable.add("'" + pair + "' is not P<n>=value");
                continue;
            }
            entries.put(pair.substring(0, equals), decode(pair.substring(equals + 1)));
        }
        return new ConfigText.Parsed(entries, unreadable);
    }

    /** URL-decoded, or as it is when it is not valid URL encoding (some encoders write raw values). */
    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException raw) {
            return value;
        }
    }

    private static long lengthWords(byte[] file) {
        return ((file[0] & 0xFFL) << 24) | ((file[1] & 0xFFL) << 16) | ((file[2] & 0xFFL) << 8) | (file[3] & 0xFFL);
    }

    private static int wordSum(byte[] file) {
        int sum = 0;
        for (int i = 0; i + 1 < file.length; i += 2) {
            sum += ((file[i] & 0xFF) << 8) | (file[i + 1] & 0xFF);
        }
        return sum;
    }
}
