package dev.ataemu.main;

import dev.ataemu.core.device.MacAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --fleet N} makes of the command line, device by device: device {@code i} (1-based)
 * has the MAC {@code --mac + 2(i-1)} (each device also uses the next address, its WAN MAC), the
 * i-th address of {@code --bind-range} or, without one, a block of {@link #BLOCK} ports on the
 * single address, and the {@code --set} values with {@code $index}, {@code $ext} (the index in
 * three digits) and {@code $mac} filled in.
 */
final class FleetPlan {

    /** The first MAC of a fleet started without --mac. */
    static final MacAddress DEFAULT_FIRST_MAC = MacAddress.parse("000b82100000");
    /** Ports per device on a shared address: web, SIP for each port, RTP for each port. */
    static final int BLOCK = 40;
    /** Where the first device's block starts. */
    static final int FIRST_BLOCK = 20000;
    static final int MAX_DEVICES = (65536 - FIRST_BLOCK) / BLOCK;

    record Member(int index, MacAddress mac, InetAddress address, int webPort, Map<String, String> settings) {
    }

    private FleetPlan() {
    }

    /**
     * @param addresses one address per device (from --bind-range), or empty: all share {@code bind} with port blocks
     * @throws IllegalArgumentException when the numbers do not fit
     */
    static List<Member> members(int count, MacAddress firstMac, InetAddress bind, List<InetAddress> addresses,
            Map<String, String> settings) {
        if (count < 1 || count > MAX_DEVICES) {
            throw new IllegalArgumentException("--fleet takes 1 to " + MAX_DEVICES + " devices, not " + count);
        }
        if (!addresses.isEmpty() && addresses.size() < count) {
            throw new IllegalArgumentException("--bind-range gives " + addresses.size() + " addresses for " + count + " devices");
        }
        List<Member> members = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            MacAddress mac = new MacAddress(firstMac.value() + 2L * (i - 1));
            Map<String, String> own = new LinkedHashMap<>();
            int index = i;
            settings.forEach((key, value) -> own.put(key, expand(value, index, mac)));
            if (addresses.isEmpty()) {
                int base = FIRST_BLOCK + (i - 1) * BLOCK;
                // SIP and RTP of each port in the block, unless the user set them.
                // Both models have two accounts (the HT813's second is its FXO port's).
                own.putIfAbsent("P40", Integer.toString(base + 2));
                own.putIfAbsent("P39", Integer.toString(base + 10));
                own.putIfAbsent("P740", Integer.toString(base + 4));
                own.putIfAbsent("P739", Integer.toString(base + 20));
                members.add(new Member(i, mac, bind, base, own));
            } else {
                members.add(new Member(i, mac, addresses.get(i - 1), 0, own));
            }
        }
        return members;
    }

    static String expand(String value, int index, MacAddress mac) {
        return value.replace("$index", Integer.toString(index))
                .replace("$ext", String.format("%03d", index))
                .replace("$mac", mac.compact());
    }

    /** {@code count} consecutive IPv4 addresses from {@code first}. */
    static List<InetAddress> range(InetAddress first, int count) {
        if (!(first instanceof Inet4Address)) {
            throw new IllegalArgumentException("--bind-range starts at an IPv4 address, not " + first.getHostAddress());
        }
        byte[] bytes = first.getAddress();
        long start = ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFFL) << 16) | ((bytes[2] & 0xFFL) << 8) | (bytes[3] & 0xFFL);
        if (start + count - 1 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("--bind-range runs past 255.255.255.255");
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long value = start + i;
            try {
                addresses.add(InetAddress.getByAddress(new byte[] {(byte) (value >> 24), (byte) (value >> 16),
                        (byte) (value >> 8), (byte) value}));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return addresses;
    }
}
