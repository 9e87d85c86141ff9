package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.web.server.BasicAuth;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Serves {@code /api/emulator/events} and each handset's {@code /api/emulator/ports/{n}/audio} as
 * WebSockets, for the administrator only.
 */
public final class EventsSockets {

    public static final String PATH = EmulatorApiHandler.PREFIX + "events";
    /** A handset's audio: {@code /api/emulator/ports/1/audio} (a regular expression path spec). */
    static final String AUDIO_PATHS = "^/api/emulator/ports/[0-9]/audio$";
    /** The sockets, as {@code METHOD /path} (an upgrade is a GET): what the server registers, for its tests and docs. */
    public static final java.util.List<String> ROUTES = java.util.List.of("GET " + PATH,
            "GET " + EmulatorApiHandler.PREFIX + "ports/" + EmulatorApiHandler.PORT + "/audio");

    private EventsSockets() {
    }

    /** Wraps {@code next}: WebSocket upgrades of the events path are taken here, all else goes on. */
    public static Handler upgradeHandler(Server server, Device device, Handler next) {
        return upgradeHandler(server, device, next, request -> false);
    }

    /** The same; {@code adminSession} also lets in a browser logged in to the device's pages as the administrator. */
    public static Handler upgradeHandler(Server server, Device device, Handler next,
            java.util.function.Predicate<org.eclipse.jetty.server.Request> adminSession) {
        BasicAuth auth = EmulatorApiHandler.adminAuth(device);
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping(PATH, (request, response, callback) -> {
                if (!auth.allows(request) && !adminSession.test(request)) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, auth.challenge());
                    Response.writeError(request, response, callback, 401, "the events socket needs the admin user and password");
                    return null;
                }
                return new EventsSocket(device);
            });
            container.addMapping(AUDIO_PATHS, (request, response, callback) -> {
                if (!auth.allows(request) && !adminSession.test(request)) {
                    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, auth.challenge());
                    Response.writeError(request, response, callback, 401, "the audio socket needs the admin user and password");
                    return null;
                }
                String path = org.eclipse.jetty.server.Request.getPathInContext(request);
                int port = Integer.parseInt(path.replaceAll("\\D+", " ").strip().split(" ")[0]);
                try {
                    return new AudioSocket(device.handset(port));
                } catch (IllegalArgumentException notAPhone) {
                    Response.writeError(request, response, callback, 409, notAPhone.getMessage());
                    return null;
                }
            });
        });
        upgrade.setHandler(next);
        return upgrade;
    }
}
