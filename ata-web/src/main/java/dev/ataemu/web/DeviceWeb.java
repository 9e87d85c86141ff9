package dev.ataemu.web;

import dev.ataemu.core.device.Device;
import dev.ataemu.sip.stack.TlsIdentity;
import dev.ataemu.web.api.EmulatorApiHandler;
import dev.ataemu.web.api.EventsSockets;
import dev.ataemu.web.panel.PanelHandler;
import dev.ataemu.web.server.WebServer;
import dev.ataemu.web.ui.DeviceUi;
import dev.ataemu.web.ui.WanAccess;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/** The web server of one device, with every handler it serves. */
public final class DeviceWeb {

    /**
     * Where a device's web server listens: HTTP on its WAN side; optionally HTTPS, and the same
     * pages on a LAN-side address (then the WAN side serves them only as P190 allows).
     */
    public record Addresses(InetSocketAddress http, Optional<InetSocketAddress> https, Optional<InetAddress> lan) {
        public static Addresses http(InetSocketAddress http) {
            return new Addresses(http, Optional.empty(), Optional.empty());
        }
    }

    private DeviceWeb() {
    }

    /**
     * Every route the server of {@code device} serves, as {@code METHOD /path} ({@code {port}} for
     * a port number), taken from each handler's own table: the pages, the emulator API, its sockets
     * and the panel.
     */
    public static java.util.List<String> routes(Device device) {
        java.util.List<String> routes = new java.util.ArrayList<>(new DeviceUi(device).routes());
        routes.addAll(new EmulatorApiHandler(device).routes());
        routes.addAll(EventsSockets.ROUTES);
        routes.addAll(PanelHandler.ROUTES);
        return routes;
    }

    public static WebServer server(Device device, InetSocketAddress address) {
        return server(device, Addresses.http(address));
    }

    /**
     * The server at {@code addresses}; HTTPS, when asked for, on a certificate of the device's own,
     * made anew at each start and named by its MAC (SEC-04).
     */
    public static WebServer server(Device device, Addresses addresses) {
        DeviceUi pages = new DeviceUi(device);
        WanAccess wan = new WanAccess(device, addresses.lan());
        WebServer web = new WebServer(device.mac().compact(), addresses.http(), server ->
                EventsSockets.upgradeHandler(server, device, new Handler.Sequence(
                        new EmulatorApiHandler(device, pages::adminSession), wan,
                        new PanelHandler(pages::adminSession), pages), pages::adminSession));
        addresses.lan().ifPresent(lan -> web.http(new InetSocketAddress(lan, addresses.http().getPort())));
        addresses.https().ifPresent(https -> {
            TlsIdentity identity = TlsIdentity.selfSigned(device.mac().compact());
            web.https(https, identity.keyStore(), identity.password());
        });
        return web;
    }
}
