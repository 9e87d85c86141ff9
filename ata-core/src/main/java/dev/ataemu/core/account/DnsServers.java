package dev.ataemu.core.account;

import dev.ataemu.core.config.ChangeSet;
import dev.ataemu.core.config.ParameterStore;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS servers the device asks. With a static address (P8 = 1) those of "DNS 1" and "DNS 2"
 * (P21-P28); otherwise the "Preferred DNS server"s (P92-P95, P5026-P5029) override what the network
 * offers (the lease's servers, which the emulator is given). 0.0.0.0 means unset.
 */
public final class DnsServers {

    private static final int IP_MODE = 8;
    private static final int STATIC_IP = 1;
    private static final int[][] STATIC = {{21, 22, 23, 24}, {25, 26, 27, 28}};
    private static final int[][] PREFERRED = {{92, 93, 94, 95}, {5026, 5027, 5028, 5029}};

    private DnsServers() {
    }

    public static List<InetSocketAddress> of(ParameterStore store, List<InetSocketAddress> offered) {
        List<InetSocketAddress> configured = read(store, store.getIntOr(IP_MODE, 0) == STATIC_IP ? STATIC : PREFERRED);
        return configured.isEmpty() ? List.copyOf(offered) : configured;
    }

    static boolean touches(ChangeSet changes) {
        if (changes.touches(IP_MODE)) {
            return true;
        }
        for (int[][] group : new int[][][] {STATIC, PREFERRED}) {
            for (int[] octets : group) {
                for (int octet : octets) {
                    if (changes.touches(octet)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<InetSocketAddress> read(ParameterStore store, int[][] servers) {
        List<InetSocketAddress> found = new ArrayList<>();
        for (int[] octets : servers) {
            byte[] address = new byte[4];
            boolean set = false;
            for (int i = 0; i < 4; i++) {
                int octet = store.getIntOr(octets[i], 0);
                address[i] = (byte) octet;
                set |= octet != 0;
            }
            if (set) {
                try {
                    found.add(new InetSocketAddress(InetAddress.getByAddress(address), 53));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return found;
    }
}
