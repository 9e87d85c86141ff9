package dev.ataemu.sip.sdp;

import java.util.Objects;

/**
 * The {@code o=} line (RFC 4566 section 5.2). The session id is kept as written: it only names the
 * session. The version is an unsigned 64-bit number that goes up by one with every changed
 * description (RFC 3264 section 8).
 */
public record Origin(String username, String sessionId, long sessionVersion, Connection address) {

    public Origin {
        SdpText.requireToken(username, "origin username");
        SdpText.requireToken(sessionId, "session id");
        Objects.requireNonNull(address);
    }

    public Origin next() {
        return new Origin(username, sessionId, sessionVersion + 1, address);
    }

    String value() {
        return username + " " + sessionId + " " + Long.toUnsignedString(sessionVersion) + " " + address.value();
    }
}
