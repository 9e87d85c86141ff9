package dev.ataemu.core.net;

import java.util.Optional;

/** A server setting written {@code host} or {@code host:port} (a scheme in front is taken off), as P30 and P207 hold them. */
public record HostPort(String host, int port) {

    /**
     * The host and port of {@code text}, {@code defaultPort} when it names none; empty when its port
     * is no port number (1 to 65535).
     */
    public static Optional<HostPort> parse(String text, int defaultPort) {
        String rest = text.strip().replaceFirst("^[a-zA-Z]+://", "");
        int colon = rest.lastIndexOf(':');
        // One colon is a port; more are an IPv6 address without one.
        if (colon > 0 && rest.indexOf(':') == colon) {
            try {
                int port = Integer.parseInt(rest.substring(colon + 1));
                return port >= 1 && port <= 65535
                        ? Optional.of(new HostPort(rest.substring(0, colon), port)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new HostPort(rest, defaultPort));
    }
}
