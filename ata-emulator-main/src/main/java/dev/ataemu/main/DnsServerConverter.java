package dev.ataemu.main;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads {@code --dns}: an IPv4 address literal with an optional port (53 by default); no name lookups. */
final class DnsServerConverter implements CommandLine.ITypeConverter<InetSocketAddress> {

    private static final Pattern SERVER =
            Pattern.compile("((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?::(\\d{1,5}))?");

    @Override
    public InetSocketAddress convert(String value) {
        Matcher matcher = SERVER.matcher(value.strip());
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a DNS server such as 192.168.1.1 or 127.0.0.1:5353");
        }
        int port = matcher.group(2) == null ? 53 : Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new CommandLine.TypeConversionException("'" + value + "' has no port from 1 to 65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(matcher.group(1)), port);
        } catch (UnknownHostException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an IP address");
        }
    }
}
