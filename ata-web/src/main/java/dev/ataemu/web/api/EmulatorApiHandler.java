package dev.ataemu.web.api;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.SystemParameters;
import dev.ataemu.web.server.BasicAuth;
import dev.ataemu.web.server.JsonResponses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The emulator's own control API under {@code /api/emulator/}: the hands and eyes on the virtual
 * hardware, for tests and scripts. It answers only the administrator (HTTP Basic, user {@code admin},
 * the device's admin password P2).
 */
public final class EmulatorApiHandler extends Handler.Abstract {

    public static final String PREFIX = "/api/emulator/";

    private final Device device;
    private final BasicAuth auth;

    public EmulatorApiHandler(Device device) {
        this.device = device;
        this.auth = new BasicAuth("admin", () -> device.store().get(SystemParameters.ADMIN_PASSWORD));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            return false;
        }
        if (!auth.allows(request)) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, auth.challenge());
            JsonResponses.error(response, 401, "the emulator API needs the admin user and password", callback);
            return true;
        }
        String route = path.substring(PREFIX.length());
        switch (route) {
            case "state" -> onlyGet(request, response, callback,
                    () -> JsonResponses.send(response, 200, StateJson.of(device.status()), callback));
            default -> JsonResponses.error(response, 404, "no emulator API at " + path, callback);
        }
        return true;
    }

    private static void onlyGet(Request request, Response response, Callback callback, Runnable action) {
        if (HttpMethod.GET.is(request.getMethod())) {
            action.run();
        } else {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            JsonResponses.error(response, 405, request.getMethod() + " is not allowed here; use GET", callback);
        }
    }
}
