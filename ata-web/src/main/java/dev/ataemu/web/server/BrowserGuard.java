package dev.ataemu.web.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every answer of the server carries for browsers, and the refusal of requests that another
 * site's page makes. Every answer: not to be cached or kept (pages show settings, exports carry
 * the configuration), not to be sniffed into another content type, not to be framed by another
 * site. A request whose {@code Origin} names another site is refused (403) whatever credential it
 * carries, as is a state-changing one with no {@code Origin} whose {@code Referer} names another
 * site: scripts send neither header, browsers send them on their own.
 */
public final class BrowserGuard extends Handler.Wrapper {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final HttpField[] HEADERS = {
        new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store, no-cache, must-revalidate"),
        new PreEncodedHttpField(HttpHeader.PRAGMA, "no-cache"),
        new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
        new PreEncodedHttpField("X-Frame-Options", "DENY"),
        new PreEncodedHttpField("Content-Security-Policy", "frame-ancestors 'none'"),
        new PreEncodedHttpField("Referrer-Policy", "same-origin"),
    };

    public BrowserGuard(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        for (HttpField header : HEADERS) {
            response.getHeaders().put(header);
        }
        Optional<String> foreign = foreignSite(request);
        if (foreign.isPresent()) {
            refuse(request, response, callback, foreign.get());
            return true;
        }
        if (super.handle(request, response, callback)) {
            return true;
        }
        response.setStatus(404);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(("Nothing is served at " + Request.getPathInContext(request) + "\n")
                .getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The other site a browser made this request for, if any. */
    static Optional<String> foreignSite(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            String referer = request.getHeaders().get(HttpHeader.REFERER);
            if (referer == null || SAFE_METHODS.contains(request.getMethod())) {
                return Optional.empty();
            }
            origin = referer;
        }
        return sameOrigin(origin, request) ? Optional.empty() : Optional.of(origin);
    }

    private static boolean sameOrigin(String origin, Request request) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        // "null" (a sandboxed or local page) names no site and so is never ours.
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = request.isSecure() ? "https" : "http";
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getScheme().equalsIgnoreCase(scheme)
                && bare(uri.getHost()).equalsIgnoreCase(bare(Request.getServerName(request)))
                && port == Request.getServerPort(request);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static void refuse(Request request, Response response, Callback callback, String site) {
        String message = "refused: a request made by a page of another site (" + site + ") is not accepted; "
                + "open the device's pages at its own address";
        RequestBodies.discard(request);
        if (Request.getPathInContext(request).startsWith("/api/")) {
            JsonResponses.error(response, 403, message, callback);
            return;
        }
        response.setStatus(403);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
