package dev.ataemu.web.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body or query string, in the order
 * they came; a field sent twice keeps its last value, as the firmware's CGI does.
 */
final class FormBody {

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    static FormBody parse(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                fields.put(name, value);
            }
        }
        return new FormBody(fields);
    }

    /** The query string's fields, then the body's over them. */
    FormBody over(FormBody query) {
        Map<String, String> merged = new LinkedHashMap<>(query.fields);
        merged.putAll(fields);
        return new FormBody(merged);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    String getOrEmpty(String name) {
        return fields.getOrDefault(name, "");
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    Map<String, String> all() {
        return fields;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray % is kept as it came rather than refusing the whole form.
            return text;
        }
    }
}
