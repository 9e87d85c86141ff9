package dev.ataemu.core.device;

import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A 48-bit Ethernet address. The device MAC names the data folder and the provisioning files. */
public record MacAddress(long value) {

    /** Grandstream's organisationally unique identifier, 00:0B:82. */
    public static final long GRANDSTREAM_OUI = 0x000B82L;

    private static final Pattern FORM = Pattern.compile(
            "[0-9A-Fa-f]{12}|[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}");
    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    public MacAddress {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits");
        }
    }

    /** Reads {@code 000b82123456}, {@code 00:0B:82:12:34:56} or {@code 00-0b-82-12-34-56}. */
    public static MacAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (!FORM.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address such as 000b82123456");
        }
        MacAddress mac = new MacAddress(Long.parseLong(trimmed.replaceAll("[:-]", ""), 16));
        if (mac.isMulticast()) {
            throw new IllegalArgumentException("'" + text + "' is a multicast address, not a device MAC");
        }
        return mac;
    }

    /** A new Grandstream address with a random, even (unicast) last three bytes. */
    public static MacAddress randomGrandstream(RandomGenerator random) {
        return new MacAddress(GRANDSTREAM_OUI << 24 | random.nextLong(0x100_0000L));
    }

    public boolean isMulticast() {
        return (value >>> 40 & 1) == 1;
    }

    /** The next address, as the WAN MAC follows the device (LAN) MAC on two-port models. */
    public MacAddress next() {
        return new MacAddress(value + 1 & MASK);
    }

    /** Lower case without separators, as in file names: {@code 000b82123456}. */
    public String compact() {
        return HexFormat.of().toHexDigits(value).substring(4);
    }

    /** Upper case with colons, as the status page shows it: {@code 00:0B:82:12:34:56}. */
    public String colon() {
        String hex = compact().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return colon();
    }
}
