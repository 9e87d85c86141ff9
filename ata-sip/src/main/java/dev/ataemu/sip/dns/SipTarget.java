package dev.ataemu.sip.dns;

import java.net.InetAddress;

/** One place a SIP request may go: an address and port, in the order the lookups ranked them. */
public record SipTarget(InetAddress address, int port) {

    @Override
    public String toString() {
        return address.getHostAddress() + ":" + port;
    }
}
