package dev.ataemu.web.ui;

import dev.ataemu.core.device.Device;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * "WAN side HTTP access" (P190, WEB-18, WEB-19, SEC-08): when the device also has a LAN side, its
 * pages answer on the WAN side only as P190 allows (HT502: No from the factory; HT813: Auto, taken
 * as allowed). Without a LAN side there is no other way in, so nothing is refused. The emulator
 * API is the emulator's own and stays open on both sides.
 */
public final class WanAccess extends Handler.Abstract {

    private static final int WAN_ACCESS = 190;

    private final Device device;
    private final Optional<InetAddress> lan;

    public WanAccess(Device device, Optional<InetAddress> lan) {
        this.device = device;
        this.lan = lan;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (lan.isEmpty() || device.store().getIntOr(WAN_ACCESS, 1) != 0) {
            return false;
        }
        String local = Request.getLocalAddr(request);
        if (lan.get().getHostAddress().equals(local)) {
            return false;
        }
        response.setStatus(403);
        response.getHeaders().put(HttpHeader.SERVER, "Grandstream/1.10");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        String page = Html.page("Access Denied", "", "<p class=\"error\" id=\"wan-denied\">Web access from the WAN side is "
                + "disabled (\"WAN side HTTP access\", P190). Use the LAN side, or turn it on with the voice menu "
                + "(option 12).</p>");
        response.write(true, ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
