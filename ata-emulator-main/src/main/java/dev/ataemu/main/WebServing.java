package dev.ataemu.main;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.SystemParameters;
import dev.ataemu.web.DeviceWeb;
import dev.ataemu.web.server.WebServer;
import dev.ataemu.web.server.WebServerException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's web server, where its settings say: HTTP at "HTTP Web Port" (P901) unless
 * {@code --http-port} says otherwise, HTTPS at P27010 with the HT813's "Web Access Mode" (P1650)
 * HTTPS, the LAN side at {@code --lan-bind}. Like the real box, a changed port takes effect at the
 * next boot: the server moves then.
 */
final class WebServing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServing.class);
    private static final int WEB_ACCESS_MODE = 1650;
    private static final int HTTPS_PORT = 27010;

    private final Device device;
    private final RunOptions options;
    private final PrintWriter out;
    private DeviceWeb.Addresses addresses;
    private WebServer web;

    WebServing(Device device, RunOptions options, PrintWriter out) {
        this.device = device;
        this.options = options;
        this.out = out;
    }

    synchronized void start() throws WebServerException {
        addresses = wanted();
        web = DeviceWeb.server(device, addresses);
        web.start();
    }

    synchronized WebServer web() {
        return web;
    }

    /** After a boot: moves the server when the device's web settings changed. */
    synchronized void follow() {
        DeviceWeb.Addresses now = wanted();
        if (now.equals(addresses)) {
            return;
        }
        web.close();
        try {
            addresses = now;
            web = DeviceWeb.server(device, now);
            web.start();
            out.println(device.model().id() + " " + device.mac() + "  web now " + web.uri()
                    + web.httpsPort().stream().mapToObj(port -> "  https port " + port).findFirst().orElse(""));
            out.flush();
        } catch (WebServerException e) {
            LOG.warn("{}: the web server cannot move: {}", device.mac(), e.getMessage());
            out.println("ata-emulator: " + e.getMessage());
            out.flush();
        }
    }

    private DeviceWeb.Addresses wanted() {
        int httpPort = options.httpPort().orElseGet(() -> device.store().getInt(SystemParameters.HTTP_PORT));
        boolean https = device.store().catalog().find(WEB_ACCESS_MODE).isPresent()
                && device.store().getInt(WEB_ACCESS_MODE) == 0;
        return new DeviceWeb.Addresses(new InetSocketAddress(options.bind(), httpPort),
                https ? Optional.of(new InetSocketAddress(options.bind(), device.store().getInt(HTTPS_PORT)))
                        : Optional.empty(),
                options.lanBind());
    }

    @Override
    public synchronized void close() {
        web.close();
    }
}
