package dev.ataemu.core.config;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reading P-value keys as people and files write them: {@code P47}, {@code p47} or a bare {@code 47}. */
public final class ParameterKeys {

    private static final Pattern KEY = Pattern.compile("[Pp]?(\\d{1,7})");

    private ParameterKeys() {
    }

    public static OptionalInt parse(String key) {
        if (key == null) {
            return OptionalInt.empty();
        }
        var m = KEY.matcher(key.strip());
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
