package dev.ataemu.ivr.option;

import dev.ataemu.core.device.MacAddress;

/**
 * The MAC address as keyed on a phone to reset the unit (IVR-31): digits as themselves, the letters
 * A=22, B=222, C=2222, D=33, E=333, F=3333. The code cannot be decoded (3333 is F, or E3, or 3333),
 * so the unit's own MAC is encoded and compared with what was keyed (IVR-32).
 */
public final class MacCode {

    private static final String[] LETTERS = {"22", "222", "2222", "33", "333", "3333"};

    private MacCode() {
    }

    public static String of(MacAddress mac) {
        StringBuilder code = new StringBuilder();
        for (char c : mac.compact().toCharArray()) {
            code.append(Character.isDigit(c) ? String.valueOf(c) : LETTERS[c - 'a']);
        }
        return code.toString();
    }
}
