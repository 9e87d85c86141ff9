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

    public static WebServer server(Device device, InetSocketAddress address) {
        dev.ataemu.web.ui.DeviceUi pages = new dev.ataemu.web.ui.DeviceUi(device);
        return new WebServer(device.mac().compact(), address, server ->
                EventsSockets.upgradeHandler(server, device, new Handler.Sequence(
                        new EmulatorApiHandler(device, pages::adminSession),
                        new dev.ataemu.web.panel.PanelHandler(pages::adminSession), pages), pages::adminSession));
    }
}
