package dev.ataemu.media.srtp;

import java.util.HexFormat;

final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes, int from, int to) {
        return HexFormat.of().withUpperCase().formatHex(bytes, from, to);
    }
}
