package dev.ataemu.web.fleet;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.web.server.JsonResponses;
import dev.ataemu.web.server.WebServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fleet's own server ({@code --fleet}): {@code GET /api/emulator/fleet} lists every device with
 * its index, model, MAC, addresses, web page and the registration of each port, so that a script
 * finds its devices. It reads only what the devices' status pages show, and changes nothing.
 */
public final class FleetWeb {

    /** One device of the fleet, and where its own web server is. */
    public record Member(int index, Device device, URI web) {
    }

    private FleetWeb() {
    }

    public static WebServer server(InetSocketAddress address, Supplier<List<Member>> members) {
        return new WebServer("fleet", address, server -> new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!"/api/emulator/fleet".equals(Request.getPathInContext(request))) {
                    return false;
                }
                if (!HttpMethod.GET.is(request.getMethod())) {
                    JsonResponses.error(response, 405, "GET only", callback);
                    return true;
                }
                JsonResponses.send(response, 200, Map.of("devices", describe(members.get())), callback);
                return true;
            }
        });
    }

    private static List<Map<String, Object>> describe(List<Member> members) {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Member member : members) {
            DeviceStatus status = member.device().status();
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("index", member.index());
            device.put("model", status.model());
            device.put("mac", status.mac().compact());
            device.put("address", member.device().wanAddress().map(a -> a.getHostAddress()).orElse(""));
            device.put("web", member.web().toString());
            device.put("power", status.power().name().toLowerCase());
            List<Map<String, Object>> ports = new ArrayList<>();
            for (DeviceStatus.Port port : status.ports()) {
                ports.add(Map.of("index", port.index(), "type", port.type().name(),
                        "registration", port.registration().statusText()));
            }
            device.put("ports", ports);
            devices.add(device);
        }
        return devices;
    }
}
