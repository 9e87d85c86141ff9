package dev.ataemu.sip.dns;

/** How an account turns its server names into addresses: "DNS Mode" (P103, port 2 P702). */
public enum DnsMode {
    /** The name's A records, on the port given or the transport's default. */
    A_RECORD,
    /** RFC 2782 SRV records of {@code _sip._udp.name} (or {@code _tcp}, {@code _sips._tcp}), then their A records. */
    SRV,
    /** RFC 3263: the name's NAPTR records lead to SRV names, then to A records; SRV and A when there are none. */
    NAPTR_SRV,
    /** No DNS: the configured primary and backup IPs (HT502 P2308-P2310, port 2 P2408-P2410). */
    CONFIGURED_IP;

    /** The mode a P-value names; an unknown value reads as A records, the device's default. */
    public static DnsMode of(int value) {
        return value >= 0 && value < values().length ? values()[value] : A_RECORD;
    }
}
