package dev.ataemu.web.fleet;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.web.server.JsonResponses;
import dev.ataemu.web.server.WebServer;
import dev.ataemu.media.rtp.Pacer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fleet's own server ({@code --fleet}): {@code GET /api/emulator/fleet} lists every device with
 * its index, model, MAC, addresses, web page and the registration of each port, so that a script
 * finds its devices; {@code GET /} is the same list as a page that keeps itself up to date, with
 * links to each device's pages and panel; {@code GET /api/emulator/fleet/media} tells how late the
 * shared media threads sent RTP since it was last asked. It reads only what the devices' status
 * pages show, and changes nothing.
 */
public final class FleetWeb {

    /** One device of the fleet, and where its own web server is. */
    public record Member(int index, Device device, URI web) {
    }

    public static final String PATH = "/api/emulator/fleet";
    public static final String MEDIA_PATH = PATH + "/media";
    private static final String PAGE_PATH = "/";
    /** The fleet server's routes, as {@code METHOD /path}. */
    public static final List<String> ROUTES = List.of("GET " + PAGE_PATH, "GET " + PATH, "GET " + MEDIA_PATH);

    private FleetWeb() {
    }

    public static WebServer server(InetSocketAddress address, Supplier<List<Member>> members) {
        return server(address, members, Optional.empty());
    }

    /** With the media threads' send timing, read (and started afresh) by {@code GET /api/emulator/fleet/media}. */
    public static WebServer server(InetSocketAddress address, Supplier<List<Member>> members, Optional<Pacer> pacer) {
        return new WebServer("fleet", address, server -> new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                String path = Request.getPathInContext(request);
                if (!PATH.equals(path) && !MEDIA_PATH.equals(path) && !PAGE_PATH.equals(path)) {
                    return false;
                }
                if (!HttpMethod.GET.is(request.getMethod())) {
                    JsonResponses.error(response, 405, "GET only", callback);
                    return true;
                }
                if (PAGE_PATH.equals(path)) {
                    page(response, callback);
                } else if (MEDIA_PATH.equals(path)) {
                    JsonResponses.send(response, 200, pacer.map(FleetWeb::sendTiming).orElse(Map.of()), callback);
                } else {
                    JsonResponses.send(response, 200, Map.of("devices", describe(members.get())), callback);
                }
                return true;
            }
        });
    }

    private static void page(Response response, Callback callback) throws IOException {
        byte[] body;
        try (InputStream in = FleetWeb.class.getResourceAsStream("fleet.html")) {
            if (in == null) {
                throw new IOException("the fleet page is missing from the build");
            }
            body = in.readAllBytes();
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** How late the RTP sends ran against their 20 ms grid since the last time this was read. */
    private static Map<String, Object> sendTiming(Pacer pacer) {
        Pacer.Lateness lateness = pacer.lateness();
        Map<String, Object> timing = new LinkedHashMap<>();
        synchronized (lateness) {
            timing.put("sends", lateness.count());
            timing.put("lateP50Us", lateness.percentileMicros(0.5));
            timing.put("lateP99Us", lateness.percentileMicros(0.99));
            timing.put("lateMaxUs", lateness.maxMicros());
            lateness.reset();
        }
        return timing;
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
