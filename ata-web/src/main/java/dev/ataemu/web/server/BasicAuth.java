package dev.ataemu.web.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** HTTP Basic authentication against one user name and a password read fresh for every request. */
public final class BasicAuth {

    public static final String REALM = "ATA emulator";

    private final String user;
    private final Supplier<String> password;

    public BasicAuth(String user, Supplier<String> password) {
        this.user = user;
        this.password = password;
    }

    public boolean allows(Request request) {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (user + ":" + password.get()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, credentials.getBytes(StandardCharsets.UTF_8));
    }

    public String challenge() {
        return "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
    }
}
