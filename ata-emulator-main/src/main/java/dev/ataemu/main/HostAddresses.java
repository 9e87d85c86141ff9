package dev.ataemu.main;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Finding the address the device takes on the host's network. */
final class HostAddresses {

    private HostAddresses() {
    }

    /** The first IPv4 address of an up, non-loopback interface, in interface order; else 127.0.0.1. */
    static InetAddress primaryIpv4() {
        try {
            List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
            interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
            for (NetworkInterface candidate : interfaces) {
                if (!candidate.isUp() || candidate.isLoopback() || candidate.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(candidate.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            // No interface list: fall back to loopback, which always exists.
        }
        return InetAddress.getLoopbackAddress();
    }
}
