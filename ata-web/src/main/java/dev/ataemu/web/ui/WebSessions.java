package dev.ataemu.web.ui;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The device's web session, as the real firmware keeps it: one at a time for the whole device
 * (a new login replaces it), named by the {@code session_id} cookie, idle out after the web
 * session timeout, with a {@code session_token} that every accepted POST rotates and that is good
 * for 600 s. Times come from the device's clock.
 */
final class WebSessions {

    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(600);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One logged-in browser. */
    static final class Session {
        private final String id;
        private final WebLevel level;
        private String token;
        private Instant tokenIssued;
        private Instant lastSeen;

        private Session(String id, WebLevel level, Instant now) {
            this.id = id;
            this.level = level;
            this.lastSeen = now;
            rotate(now);
        }

        String id() {
            return id;
        }

        WebLevel level() {
            return level;
        }

        String token() {
            return token;
        }

        private void rotate(Instant now) {
            token = hex(16);
            tokenIssued = now;
        }
    }

    private final Clock clock;
    private final Supplier<Duration> idleTimeout;
    private Session current;

    /** {@code idleTimeout} is read at each use, so a changed setting counts at once. */
    WebSessions(Clock clock, Supplier<Duration> idleTimeout) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    synchronized Session login(WebLevel level) {
        current = new Session(hex(16), level, clock.instant());
        return current;
    }

    synchronized void logout() {
        current = null;
    }

    /** The session the cookie names, still fresh; using it keeps it alive. */
    synchronized Optional<Session> find(String sessionId) {
        if (current == null || sessionId == null || !current.id.equals(sessionId)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (Duration.between(current.lastSeen, now).compareTo(idleTimeout.get()) > 0) {
            current = null;
            return Optional.empty();
        }
        current.lastSeen = now;
        return Optional.of(current);
    }

    /** Whether a POST's token is the session's current one and still good; a good one is used up. */
    synchronized boolean spendToken(Session session, String token) {
        Instant now = clock.instant();
        boolean good = token != null && token.equals(session.token)
                && Duration.between(session.tokenIssued, now).compareTo(TOKEN_LIFETIME) <= 0;
        if (good) {
            session.rotate(now);
        }
        return good;
    }

    /**
     * Whether {@code proof}, sent in a request's fields, shows the request was written by whoever
     * logged in: the session's id ({@code sid}) or its current token, which no other site can know.
     * Nothing is used up, so a script may send the same one again.
     */
    synchronized boolean vouches(Session session, String sid, String token) {
        return (sid != null && session.id.equals(sid)) || (token != null && token.equals(session.token));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
