package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.SystemParameters;
import dev.ataemu.web.server.BasicAuth;
import dev.ataemu.web.server.JsonResponses;
import java.io.IOException;
import java.io.InputStream;
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

    private final Device device;
    private final BasicAuth auth;
    private final java.util.function.Predicate<Request> adminSession;
    private final HardwareRoutes hardware;

    public EmulatorApiHandler(Device device) {
        this(device, request -> false);
    }

    /** {@code adminSession} also lets in a browser logged in to the device's pages as the administrator. */
    public EmulatorApiHandler(Device device, java.util.function.Predicate<Request> adminSession) {
        this.device = device;
        this.auth = adminAuth(device);
        this.adminSession = adminSession;
        this.hardware = new HardwareRoutes(device);
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

    private void route(String route, Request request, Response response, Callback callback) {
        String method = request.getMethod();
        Matcher port = PORT_ROUTE.matcher(route);
        if (port.matches()) {
            int index = portNumber(port.group(1));
            String action = port.group(2);
            switch (action) {
                case "hook", "flash", "keys", "echo", "mouthpiece" -> {
                    require(method, "POST");
                    Object result = hardware.portAction(index, action, body(request),
                            request.getHeaders().get(HttpHeader.CONTENT_TYPE));
                    JsonResponses.send(response, 200, result, callback);
                }
                case "earpiece" -> {
                    require(method, "GET");
                    byte[] wav = hardware.earpiece(index, Request.extractQueryParameters(request).getValue("lastMs"));
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/wav");
                    response.write(true, java.nio.ByteBuffer.wrap(wav), callback);
                }
                case "handset" -> {
                    require(method, "GET");
                    JsonResponses.send(response, 200, hardware.handset(index), callback);
                }
                default -> throw ApiException.notFound("no emulator API at " + PREFIX + route);
            }
            return;
        }
        switch (route) {
            case "state" -> {
                require(method, "GET");
                JsonResponses.send(response, 200, StateJson.of(device), callback);
            }
            case "reset-button" -> {
                require(method, "POST");
                JsonResponses.send(response, 200, hardware.resetButton(JsonBody.parse(body(request))), callback);
            }
            case "power" -> {
                require(method, "POST");
                JsonResponses.send(response, 200, hardware.power(JsonBody.parse(body(request))), callback);
            }
            case "pstn" -> {
                require(method, "GET");
                JsonResponses.send(response, 200, hardware.pstn(), callback);
            }
            case "pstn/ring" -> {
                require(method, "POST");
                JsonResponses.send(response, 200, hardware.pstnRing(JsonBody.parse(body(request))), callback);
            }
            case "pstn/hangup" -> {
                require(method, "POST");
                byte[] body = body(request);
                JsonResponses.send(response, 200,
                        hardware.pstnHangUp(body.length == 0 ? Optional.empty() : Optional.of(JsonBody.parse(body))), callback);
            }
            case "pstn/party" -> {
                require(method, "POST");
                JsonResponses.send(response, 200,
                        hardware.pstnParty(body(request), request.getHeaders().get(HttpHeader.CONTENT_TYPE)), callback);
            }
            case "provider-lock" -> {
                require(method, "POST");
                JsonResponses.send(response, 200, hardware.providerLock(JsonBody.parse(body(request))), callback);
            }
            default -> throw ApiException.notFound("no emulator API at " + PREFIX + route);
        }
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

    private static void require(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw ApiException.methodNotAllowed(method, allowed);
        }
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
