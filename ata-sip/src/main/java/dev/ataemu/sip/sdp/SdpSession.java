package dev.ataemu.sip.sdp;

import java.util.Optional;

/**
 * Our side of one dialog's descriptions: the {@code o=} line that every offer and answer we send
 * shares. RFC 3264 section 8 asks for the version to go up by exactly one when the description
 * changes and to stay put when it does not (a session-timer refresh re-sends the same one).
 */
public final class SdpSession {

    private Origin origin;
    private SessionDescription last;

    public SdpSession(String username, String sessionId, long version, String address) {
        this.origin = new Origin(username, sessionId, version, Connection.of(address));
    }

    /** The draft under this session's origin, with the version moved on if the content changed. */
    public SessionDescription stamp(SessionDescription draft) {
        if (last != null) {
            if (draft.withOrigin(origin).equals(last)) {
                return last;
            }
            origin = origin.next();
        }
        last = draft.withOrigin(origin);
        return last;
    }

    public Origin origin() {
        return origin;
    }

    /** What we sent last, for a re-INVITE that must repeat it. */
    public Optional<SessionDescription> last() {
        return Optional.ofNullable(last);
    }
}
