package dev.ataemu.core.provision;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A "Config Server Path" (P237) or "Firmware Server Path" (P192): a host name or IP address, an
 * optional {@code :port} and an optional path, written without a scheme ({@code fm.grandstream.com/gs},
 * {@code 10.0.0.1:8080/prov}, PROV-02). A scheme written in front anyway is taken off.
 */
public record ServerPath(String host, int port, String directory) {

    /** The factory paths point at Grandstream's own servers, which the emulator never contacts. */
    private static final java.util.Set<String> GRANDSTREAM_HOSTS =
            java.util.Set.of("fm.grandstream.com", "fw.ipvideotalk.com", "firmware.grandstream.com");

    /** The path in {@code text}; empty when it is blank or names no host. Port 0 means the protocol's own. */
    public static Optional<ServerPath> parse(String text) {
        String rest = text.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String directory = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        String host = authority;
        int port = 0;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.-]+")) {
            return Optional.empty();
        }
        return Optional.of(new ServerPath(host.toLowerCase(Locale.ROOT), port, directory));
    }

    /** Whether this is one of Grandstream's public servers, which the factory settings name. */
    public boolean grandstreamServer() {
        return GRANDSTREAM_HOSTS.contains(host);
    }

    /** Where {@code file} is on this server over {@code protocol}. */
    public URI uri(Protocol protocol, String file) {
        String path = "/" + (directory.isEmpty() ? "" : directory + "/") + file;
        try {
            return new URI(protocol.scheme(), null, host, port == 0 ? -1 : port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no URL for " + host + " and " + file, e);
        }
    }
}
