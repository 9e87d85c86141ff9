package dev.ataemu.sip.sdp;

import java.util.Optional;

/** {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605): RTCP away from port + 1. */
public record RtcpAttribute(int port, Optional<Connection> connection) {

    /** Empty when malformed: the RTP port + 1 is then the sensible guess. */
    public static Optional<RtcpAttribute> parse(String value) {
        String[] fields = value.strip().split("[ \t]+");
        long port = SdpText.digits(fields[0], 5);
        if (port < 1 || port > 65535 || (fields.length != 1 && fields.length != 4)) {
            return Optional.empty();
        }
        Optional<Connection> connection = fields.length == 4
                ? Optional.of(new Connection(fields[1], fields[2], fields[3]))
                : Optional.empty();
        return Optional.of(new RtcpAttribute((int) port, connection));
    }
}
