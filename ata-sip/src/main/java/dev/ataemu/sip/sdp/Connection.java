package dev.ataemu.sip.sdp;

/**
 * Connection data, {@code c=<nettype> <addrtype> <address>} (RFC 4566 section 5.7), also the tail of
 * the {@code o=} line. The address is kept as written, with any multicast {@code /ttl}.
 */
public record Connection(String networkType, String addressType, String address) {

    /** The RFC 2543 way of putting a call on hold: "send nothing to me". */
    public static final String HOLD_ADDRESS_IP4 = "0.0.0.0";

    public Connection {
        SdpText.requireToken(networkType, "network type");
        SdpText.requireToken(addressType, "address type");
        SdpText.requireToken(address, "connection address");
    }

    /** {@code IN IP4} or {@code IN IP6}, chosen by the address's form. */
    public static Connection of(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** The address without a multicast {@code /ttl/count} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /** Whether this is the unspecified address that RFC 2543 used for hold. */
    public boolean isHold() {
        return host().equals(HOLD_ADDRESS_IP4) || host().equals("::");
    }

    String value() {
        return networkType + " " + addressType + " " + address;
    }
}
