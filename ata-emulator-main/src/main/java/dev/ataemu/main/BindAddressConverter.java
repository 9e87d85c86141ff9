package dev.ataemu.main;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --bind}: an IP address literal of this host (no name lookups), or 0.0.0.0. */
final class BindAddressConverter implements CommandLine.ITypeConverter<InetAddress> {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    @Override
    public InetAddress convert(String value) {
        String literal = value.strip();
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an IP address such as 192.168.1.20");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an IP address");
        }
        if (!address.isAnyLocalAddress() && !isOnThisHost(address)) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an address of this host (see 'ip addr'); use one of its addresses or 0.0.0.0");
        }
        return address;
    }

    private static boolean isOnThisHost(InetAddress address) {
        try {
            return address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
