package dev.ataemu.core.provision;

import java.util.List;

/**
 * The configuration files a model asks for, in its order (PROV-14, PROV-15, INTERFACES 3.3), named
 * by the device (LAN) MAC in lower case with the prefix (P234) before and the postfix (P235) after.
 * The HT502 asks for {@code cfg<mac>.xml}, then the binary {@code cfg<mac>}; the HT813 for
 * {@code cfg<mac>}, then {@code cfg<mac>.xml}, and for {@code cfg.xml} only when that is missing.
 */
record ConfigRequests(String first, String second, String fallback) {

    static ConfigRequests of(String modelId, String mac, String prefix, String postfix) {
        String binary = prefix + "cfg" + mac + postfix;
        String xml = prefix + "cfg" + mac + ".xml" + postfix;
        if ("HT502".equals(modelId)) {
            return new ConfigRequests(xml, binary, "");
        }
        return new ConfigRequests(binary, xml, prefix + "cfg.xml" + postfix);
    }

    List<String> all() {
        return fallback.isEmpty() ? List.of(first, second) : List.of(first, second, fallback);
    }
}
