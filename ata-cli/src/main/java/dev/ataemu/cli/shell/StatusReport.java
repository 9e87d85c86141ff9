package dev.ataemu.cli.shell;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceStatus;
import java.util.ArrayList;
import java.util.List;

/** What {@code status} prints: the unit, its network, its versions, its ports and its up time. */
final class StatusReport {

    private StatusReport() {
    }

    static List<String> lines(Device device) {
        DeviceStatus status = device.status();
        var store = device.store();
        boolean dhcp = store.getIntOr(8, 0) == 0;
        List<String> lines = new ArrayList<>();
        lines.add("Product Model: " + status.model());
        lines.add("MAC Address: " + status.mac().colon().toUpperCase());
        lines.add("Network:");
        lines.add("    IPv4 Address -- " + device.wanAddress().map(a -> a.getHostAddress()).orElse("0.0.0.0"));
        lines.add("    IPv6 Address -- ");
        lines.add("    Netmask -- " + (dhcp ? "" : octets(store, 13)));
        lines.add("    Gateway -- " + (dhcp ? "" : octets(store, 17)));
        lines.add("    DNS Server -- " + (dhcp ? "" : octets(store, 21)));
        lines.add("Hardware Version: V1.0A   Part Number -- " + ("HT813".equals(status.model()) ? "9610006310A" : "9610001710A"));
        lines.add("Software Versions:");
        status.firmware().forEach((part, version) -> lines.add("    " + part + " -- " + version));
        lines.add("Port Status:");
        for (DeviceStatus.Port port : status.ports()) {
            lines.add("    Port " + port.index() + ": " + (port.hook() == dev.ataemu.hal.port.HookState.OFF_HOOK
                    ? "Off Hook" : "On Hook") + " " + port.registration().statusText());
        }
        long minutes = status.uptimeSeconds() / 60;
        lines.add("System uptime: " + minutes / 60 + ":" + String.format("%02d", minutes % 60));
        return lines;
    }

    private static String octets(dev.ataemu.core.config.ParameterStore store, int first) {
        return store.get(first) + "." + store.get(first + 1) + "." + store.get(first + 2) + "." + store.get(first + 3);
    }
}
