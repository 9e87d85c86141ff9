package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.SystemParameters;
import dev.ataemu.web.server.BasicAuth;
import dev.ataemu.web.server.JsonResponses;
import dev.ataemu.web.server.RequestBodies;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The emulator's own control API under {@code /api/emulator/}: the hands and eyes on the virtual
 * hardware, for tests and scripts (docs/emulator-api.md). It answers only the administrator (HTTP
 * Basic, user {@code admin}, the device's admin password P2).
 */
public final class EmulatorApiHandler extends Handler.Abstract {

    public static final String PREFIX = "/api/emulator/";
    private static final Pattern PORT_ROUTE = Pattern.compile("ports/([^/]+)/([a-z]+)");
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** Stands for the port number in a route's path. */
    static final String PORT = "{port}";

    private final Device device;
    private final BasicAuth auth;
    private final java.util.function.Predicate<Request> adminSession;
    private final HardwareRoutes hardware;
    private final List<Route> routes;

    public EmulatorApiHandler(Device device) {
        this(device, request -> false);
    }

    /** {@code adminSession} also lets in a browser logged in to the device's pages as the administrator. */
    public EmulatorApiHandler(Device device, java.util.function.Predicate<Request> adminSession) {
        this.device = device;
        this.auth = adminAuth(device);
        this.adminSession = adminSession;
        this.hardware = new HardwareRoutes(device);
        this.routes = table();
    }

    /** The emulator API's credentials: user admin with the device's admin password. */
    public static BasicAuth adminAuth(Device device) {
        return new BasicAuth("admin", () -> device.store().get(SystemParameters.ADMIN_PASSWORD));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        if (!auth.allows(request) && !adminSession.test(request)) {
            RequestBodies.discard(request);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, auth.challenge());
            JsonResponses.error(response, 401, "the emulator API needs the admin user and password", callback);
            return true;
        }
        try {
            route(path.substring(PREFIX.length()), request, response, callback);
        } catch (ApiException e) {
            if (e.allow() != null) {
                response.getHeaders().put(HttpHeader.ALLOW, e.allow());
            }
            JsonResponses.error(response, e.status(), e.getMessage(), callback);
        }
        return true;
    }

    /** One route: its method, its path under {@link #PREFIX} ({@value #PORT} for a port number) and what it does. */
    private record Route(String method, String path, Action action) {
    }

    @FunctionalInterface
    private interface Action {
        void run(Request request, Response response, Callback callback, int port);
    }

    /** Every route of the API, as {@code METHOD /api/emulator/path}: what the server registers, for its tests and docs. */
    public List<String> routes() {
        return routes.stream().map(route -> route.method() + " " + PREFIX + route.path()).toList();
    }

    private List<Route> table() {
        List<Route> table = new ArrayList<>();
        for (String action : List.of("hook", "flash", "keys", "echo", "mouthpiece")) {
            table.add(new Route("POST", "ports/" + PORT + "/" + action, (request, response, callback, port) ->
                    JsonResponses.send(response, 200, hardware.portAction(port, action, body(request),
                            request.getHeaders().get(HttpHeader.CONTENT_TYPE)), callback)));
        }
        table.add(new Route("GET", "ports/" + PORT + "/earpiece", (request, response, callback, port) -> {
            byte[] wav = hardware.earpiece(port, Request.extractQueryParameters(request).getValue("lastMs"));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/wav");
            response.write(true, java.nio.ByteBuffer.wrap(wav), callback);
        }));
        table.add(new Route("GET", "ports/" + PORT + "/handset", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.handset(port), callback)));
        table.add(new Route("GET", "state", (request, response, callback, port) ->
                JsonResponses.send(response, 200, StateJson.of(device), callback)));
        table.add(new Route("POST", "reset-button", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.resetButton(JsonBody.parse(body(request))), callback)));
        table.add(new Route("POST", "power", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.power(JsonBody.parse(body(request))), callback)));
        table.add(new Route("GET", "pstn", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.pstn(), callback)));
        table.add(new Route("POST", "pstn/ring", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.pstnRing(JsonBody.parse(body(request))), callback)));
        table.add(new Route("POST", "pstn/hangup", (request, response, callback, port) -> {
            byte[] body = body(request);
            JsonResponses.send(response, 200,
                    hardware.pstnHangUp(body.length == 0 ? Optional.empty() : Optional.of(JsonBody.parse(body))), callback);
        }));
        table.add(new Route("POST", "pstn/party", (request, response, callback, port) ->
                JsonResponses.send(response, 200,
                        hardware.pstnParty(body(request), request.getHeaders().get(HttpHeader.CONTENT_TYPE)), callback)));
        table.add(new Route("POST", "provider-lock", (request, response, callback, port) ->
                JsonResponses.send(response, 200, hardware.providerLock(JsonBody.parse(body(request))), callback)));
        return List.copyOf(table);
    }

    private void route(String path, Request request, Response response, Callback callback) {
        String key = path;
        int port = 0;
        Matcher portRoute = PORT_ROUTE.matcher(path);
        if (portRoute.matches()) {
            port = portNumber(portRoute.group(1));
            key = "ports/" + PORT + "/" + portRoute.group(2);
        }
        String wanted = key;
        List<Route> found = routes.stream().filter(route -> route.path().equals(wanted)).toList();
        if (found.isEmpty()) {
            throw ApiException.notFound("no emulator API at " + PREFIX + path);
        }
        String method = request.getMethod();
        Route route = found.stream().filter(r -> r.method().equals(method)).findFirst().orElseThrow(() ->
                ApiException.methodNotAllowed(method, String.join(", ", found.stream().map(Route::method).toList())));
        route.action().run(request, response, callback, port);
    }

    private int portNumber(String text) {
        int index;
        try {
            index = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("'" + text + "' is not a port number; the " + device.model().id()
                    + " has ports 1 and 2");
        }
        if (device.model().ports().stream().noneMatch(p -> p.index() == index)) {
            throw ApiException.notFound("the " + device.model().id() + " has no port " + index);
        }
        return index;
    }

    private static byte[] body(Request request) {
        long length = request.getLength();
        if (length > MAX_BODY_BYTES) {
            throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
    }
}
