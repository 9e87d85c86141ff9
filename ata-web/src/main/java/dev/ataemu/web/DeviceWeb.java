package dev.ataemu.web;

import dev.ataemu.core.device.Device;
import dev.ataemu.web.api.EmulatorApiHandler;
import dev.ataemu.web.api.EventsSockets;
import dev.ataemu.web.server.WebServer;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Handler;

/** The web server of one device, with every handler it serves. */
public final class DeviceWeb {

    private DeviceWeb() {
    }

    /**
     * The same, with HTTPS at {@code https} as well, on a certificate of the device's own, made
     * anew at each start and named by its MAC (SEC-04).
     */
    public static WebServer server(Device device, InetSocketAddress address, InetSocketAddress https) {
        WebServer web = server(device, address);
        dev.ataemu.sip.stack.TlsIdentity identity = dev.ataemu.sip.stack.TlsIdentity.selfSigned(device.mac().compact());
        web.https(https, identity.keyStore(), identity.password());
        return web;
    }

    public static WebServer server(Device device, InetSocketAddress address) {
        dev.ataemu.web.ui.DeviceUi pages = new dev.ataemu.web.ui.DeviceUi(device);
        return new WebServer(device.mac().compact(), address, server ->
                EventsSockets.upgradeHandler(server, device, new Handler.Sequence(
                        new EmulatorApiHandler(device, pages::adminSession),
                        new dev.ataemu.web.panel.PanelHandler(pages::adminSession), pages), pages::adminSession));
    }
}
