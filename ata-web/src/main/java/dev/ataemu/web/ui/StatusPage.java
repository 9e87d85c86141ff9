package dev.ataemu.web.ui;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceStatus;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.port.PortType;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The STATUS page (WEB-36 to WEB-39) in the firmware's layout: the MAC addresses, the WAN address,
 * the model, {@code <b>Software Version: </b>} with {@code Program -- 1.0.16.2}, the up time and
 * the port table with hook, user ID, registration, DND and forwards. Scripts read it by those
 * strings, so they are kept as the real pages write them.
 */
final class StatusPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StatusPage() {
    }

    static String body(Device device) {
        DeviceStatus status = device.status();
        boolean ht813 = "HT813".equals(status.model());
        StringBuilder page = new StringBuilder("<table class=\"status\">\n");
        // The device MAC is the LAN side's; the WAN side's is the next address (HW-42).
        String lan = status.mac().colon().toUpperCase();
        String wan = status.mac().next().colon().toUpperCase();
        row(page, "MAC Address", ht813 ? "WAN-- " + wan + " LAN-- " + lan + " (Device MAC)" : "WAN-- " + wan + " LAN-- " + lan);
        row(page, ht813 ? "WAN IPv4 Address" : "WAN IP Address",
                device.wanAddress().map(address -> address.getHostAddress()).orElse("0.0.0.0"));
        row(page, "Product Model", status.model());
        if (ht813) {
            row(page, "Hardware Version", "V1.0A &nbsp;&nbsp; Part Number -- 9610006310A");
        }
        page.append("<tr><td><b>Software Version: </b></td><td>").append(versions(status.firmware())).append("</td></tr>\n");
        row(page, "System Up Time", upTime(device, status.uptimeSeconds()));
        row(page, "PPPoE Link Up", "Disabled");
        row(page, "NAT", "Unknown NAT");
        if (ht813) {
            row(page, "Software Status", "Running &nbsp;&nbsp; Mem: 19000");
            row(page, "Core Dump", "Clean");
            row(page, "Provision", Html.escape(device.provisioning().text()));
        }
        page.append("</table>\n");
        page.append(ht813 ? ht813Ports(device, status) : ht502Ports(device, status));
        return page.toString();
    }

    private static String versions(Map<String, String> firmware) {
        StringBuilder text = new StringBuilder();
        firmware.forEach((part, version) -> text.append(part).append(" -- ").append(version).append(" &nbsp;&nbsp; "));
        return text.toString().strip();
    }

    private static String upTime(Device device, long seconds) {
        long minutes = seconds / 60;
        String up = minutes < 60 ? minutes + " min" : (minutes / 60) + ":" + String.format("%02d", minutes % 60);
        return LocalTime.now(device.wallClock()).format(CLOCK) + " up " + up;
    }

    /** HT502: Port, Hook, Registration, DND, Forward, Busy Forward, Delayed Forward (WEB-38). */
    private static String ht502Ports(Device device, DeviceStatus status) {
        StringBuilder table = new StringBuilder("<table class=\"status\">\n<tr><th>Port</th><th>Hook</th>"
                + "<th>User ID</th><th>Registration</th><th>DND</th><th>Forward</th><th>Busy Forward</th>"
                + "<th>Delayed Forward</th></tr>\n");
        for (DeviceStatus.Port port : status.ports()) {
            table.append("<tr><td>FXS").append(port.index()).append("</td>")
                    .append(cell(hook(port))).append(cell(userId(device, port.index())))
                    .append(cell(port.registration().statusText()))
                    .append(features(port.features())).append("</tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** HT813: "Port Status" (Port, Hook, User ID, Registration) and "Port Options" for the FXS port (WEB-39). */
    private static String ht813Ports(Device device, DeviceStatus status) {
        StringBuilder tables = new StringBuilder("<h3>Port Status</h3>\n<table class=\"status\">\n"
                + "<tr><th>Port</th><th>Hook</th><th>User ID</th><th>Registration</th></tr>\n");
        for (DeviceStatus.Port port : status.ports()) {
            tables.append("<tr><td>").append(port.type() == PortType.FXO ? "FXO" : "FXS").append("</td>")
                    .append(cell(port.type() == PortType.FXO && !device.fxoLine().map(line -> line.port().lineConnected())
                            .orElse(false) ? "Not Connected" : hook(port)))
                    .append(cell(userId(device, port.index()))).append(cell(port.registration().statusText()))
                    .append("</tr>\n");
        }
        tables.append("</table>\n<h3>Port Options</h3>\n<table class=\"status\">\n<tr><th>Port</th><th>DND</th>"
                + "<th>Forward</th><th>Busy Forward</th><th>Delayed Forward</th></tr>\n");
        for (DeviceStatus.Port port : status.ports()) {
            if (port.type() == PortType.FXS) {
                tables.append("<tr><td>FXS</td>").append(features(port.features())).append("</tr>\n");
            }
        }
        return tables.append("</table>\n").toString();
    }

    private static String features(DeviceStatus.Features features) {
        return cell(features.doNotDisturb() ? "Yes" : "No") + cell(features.forward()) + cell(features.busyForward())
                + cell(features.delayedForward());
    }

    private static String hook(DeviceStatus.Port port) {
        return port.hook() == HookState.OFF_HOOK ? "Off Hook" : "On Hook";
    }

    private static String userId(Device device, int port) {
        return device.store().getOrEmpty(port == 1 ? 35 : 735);
    }

    private static String cell(String text) {
        return "<td><b>" + Html.escape(text) + "</b></td>";
    }

    private static void row(StringBuilder page, String label, String value) {
        page.append("<tr><td><b>").append(label).append(":</b></td><td>").append(value).append("</td></tr>\n");
    }
}
