package dev.ataemu.sip.sdp;

/** Where a stream goes: an address as SDP writes it (IPv4, IPv6 or a name) and a port. */
public record MediaAddress(String address, int port) {

    public MediaAddress {
        SdpText.requireToken(address, "media address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0 to 65535");
        }
    }
}
