package dev.ataemu.web.panel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The device panel at {@code /emulator}: the model's front and back with live LEDs, a handset per
 * FXS port, the HT813's PSTN line and the reset button, in the browser. The page drives the
 * emulator API and listens to its events socket; it is for the administrator, logged in to the
 * device's own pages.
 */
public final class PanelHandler extends Handler.Abstract {

    private static final String PATH = "/emulator";
    private static final Map<String, String> FILES = Map.of(
            "", "panel.html",
            "/", "panel.html",
            "/panel.js", "panel.js",
            "/panel.css", "panel.css");

    /** The panel's files, as {@code METHOD /path}: what the server registers, for its tests and docs. */
    public static final java.util.List<String> ROUTES = FILES.keySet().stream().sorted().map(file -> "GET " + PATH + file).toList();

    private final Predicate<Request> adminSession;

    public PanelHandler(Predicate<Request> adminSession) {
        this.adminSession = adminSession;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PATH)) {
            return false;
        }
        String file = FILES.get(path.substring(PATH.length()));
        if (file == null) {
            return false;
        }
        if (!adminSession.test(request)) {
            // The panel is the administrator's: log in to the device's pages first.
            response.setStatus(302);
            response.getHeaders().put(HttpHeader.LOCATION, "/cgi-bin/login");
            callback.succeeded();
            return true;
        }
        byte[] body;
        try (InputStream in = PanelHandler.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("the panel's " + file + " is missing from the build");
            }
            body = in.readAllBytes();
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType(file));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String contentType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }
}
