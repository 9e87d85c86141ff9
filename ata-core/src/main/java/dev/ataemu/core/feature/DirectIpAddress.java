package dev.ataemu.core.feature;

import java.util.Optional;

/**
 * The address of a direct IP call as keyed after {@code *47} (CALL-09): {@code *} for each dot, and
 * one more {@code *} before a port; no port means 5060. {@code 192*168*0*160} is 192.168.0.160:5060,
 * {@code 192*168*1*20*5062} is 192.168.1.20:5062.
 */
public record DirectIpAddress(String host, int port) {

    public static Optional<DirectIpAddress> parse(String keys) {
        String[] parts = keys.split("\\*", -1);
        if (parts.length != 4 && parts.length != 5) {
            return Optional.empty();
        }
        StringBuilder host = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            Optional<Integer> octet = number(parts[i], 255);
            if (octet.isEmpty()) {
                return Optional.empty();
            }
            host.append(i == 0 ? "" : ".").append(octet.get());
        }
        int port = 5060;
        if (parts.length == 5) {
            Optional<Integer> keyed = number(parts[4], 65535).filter(p -> p > 0);
            if (keyed.isEmpty()) {
                return Optional.empty();
            }
            port = keyed.get();
        }
        return Optional.of(new DirectIpAddress(host.toString(), port));
    }

    private static Optional<Integer> number(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int value = Integer.parseInt(digits);
        return value <= max ? Optional.of(value) : Optional.empty();
    }
}
