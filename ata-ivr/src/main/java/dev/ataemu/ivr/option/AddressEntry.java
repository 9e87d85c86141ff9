package dev.ataemu.ivr.option;

import java.util.Optional;

/** An IPv4 address keyed as 12 digits, three per octet with leading zeros: {@code 192168000026} (IVR-08). */
public final class AddressEntry {

    public static final int DIGITS = 12;

    private AddressEntry() {
    }

    /** The dotted address the digits spell; empty when they are not 12 digits or an octet is above 255. */
    public static Optional<String> parse(String digits) {
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        StringBuilder dotted = new StringBuilder();
        for (int octet = 0; octet < 4; octet++) {
            int value = Integer.parseInt(digits.substring(octet * 3, octet * 3 + 3));
            if (value > 255) {
                return Optional.empty();
            }
            dotted.append(octet == 0 ? "" : ".").append(value);
        }
        return Optional.of(dotted.toString());
    }

    /** The four octets of a dotted address, or empty when {@code text} is not one (a host name, a path). */
    public static Optional<int[]> octets(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return Optional.empty();
            }
            octets[i] = Integer.parseInt(parts[i]);
        }
        return Optional.of(octets);
    }
}
