package dev.ataemu.web.ui;

import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.ParameterType;
import dev.ataemu.core.device.MacAddress;
import java.util.Map;

/**
 * The configuration as the device exports it (INTERFACES 2.1): {@code config.txt} with one
 * {@code P<n>=<value>} line per P-value, and {@code config.xml} in the {@code gs_provision} form.
 * Passwords are left empty: no export carries a secret (SEC-16).
 */
final class ConfigExport {

    private ConfigExport() {
    }

    static String text(ParameterStore store) {
        StringBuilder text = new StringBuilder();
        values(store).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    static String xml(ParameterStore store, MacAddress mac) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<gs_provision version=\"1\">\n")
                .append("  <mac>").append(mac.compact()).append("</mac>\n  <config version=\"1\">\n");
        values(store).forEach((key, value) -> xml.append("    <").append(key).append('>').append(Html.escape(value))
                .append("</").append(key).append(">\n"));
        return xml.append("  </config>\n</gs_provision>\n").toString();
    }

    private static Map<String, String> values(ParameterStore store) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Map<Integer, String> snapshot = store.snapshot();
        for (ParameterDefinition definition : store.catalog().all()) {
            String value = definition.type() == ParameterType.PASSWORD ? "" : snapshot.getOrDefault(definition.number(), "");
            values.put(definition.key(), value);
        }
        return values;
    }
}
