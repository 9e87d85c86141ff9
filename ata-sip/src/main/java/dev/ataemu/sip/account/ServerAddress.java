package dev.ataemu.sip.account;

/** A server as the P-values write it: {@code host}, {@code host:port}, {@code [v6]:port}; port 0 = default. */
public record ServerAddress(String host, int port) {

    public static ServerAddress parse(String text) {
        String value = text.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            if (end < 0) {
                throw new IllegalArgumentException("unclosed IPv6 address in '" + text + "'");
            }
            String rest = value.substring(end + 1);
            return new ServerAddress(value.substring(0, end + 1), rest.startsWith(":") ? port(rest.substring(1), text) : 0);
        }
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return new ServerAddress(value, 0);
        }
        return new ServerAddress(value.substring(0, colon), port(value.substring(colon + 1), text));
    }

    private static int port(String digits, String text) {
        try {
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'");
        }
    }
}
