package dev.ataemu.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration file taken into the store whole, as the device takes one from the web page's
 * upload (and, later, from provisioning): binary ({@code cfg<mac>}), XML ({@code gs_provision}, also
 * encrypted with the XML config file password) or text ({@code P47 = ...}).
 * P-values this model does not have are passed over, as the firmware passes over a template's
 * entries for other models; a value the store refuses refuses the whole file.
 */
public final class ConfigFiles {

    /** What a file changed, and the entries passed over because the model has no such P-value. */
    public record Applied(ChangeSet changes, List<String> ignored) {
    }

    private static final int XML_CONFIG_PASSWORD = 1359;
    private static final int AUTHENTICATE_CONF_FILE = 240;
    private static final int ADMIN_PASSWORD = 2;

    private ConfigFiles() {
    }

    /** "Authenticate Conf File" (P240, PROV-18, GAP-13): the file names the current admin password, in P2 or P1. */
    private static boolean authenticated(ParameterStore store, Map<String, String> entries) {
        String admin = store.get(ADMIN_PASSWORD);
        return admin.equals(entries.get("P2")) || admin.equals(entries.get("P1"));
    }

    /** A refusal names this many unreadable lines at most: a file of garbage would fill the status page and the syslog. */
    private static final int NAMED_PROBLEMS = 3;

    private static String summary(List<String> unreadable) {
        String named = String.join("; ", unreadable.subList(0, Math.min(NAMED_PROBLEMS, unreadable.size())));
        int more = unreadable.size() - NAMED_PROBLEMS;
        return more > 0 ? named + "; and " + more + " more unreadable lines" : named;
    }

    /** Bytes no text file holds (C0 controls other than tab, line and page breaks): what came is no text. */
    private static boolean hasControlBytes(byte[] content) {
        for (byte b : content) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeXml(byte[] content) {
        return new String(content, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading().startsWith("<");
    }

    /** Whichever format {@code content} is in, for the device {@code mac} (12 hex digits; any when empty). */
    public static ConfigText.Parsed parse(byte[] content, String mac) {
        if (ConfigBinary.looksLikeOne(content)) {
            return ConfigBinary.parse(content, mac);
        }
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        return text.stripLeading().startsWith("<") ? ConfigXml.parse(text, mac) : ConfigText.parse(text);
    }

    /**
     * Applies {@code content} to {@code store}.
     *
     * @throws IllegalArgumentException when the file cannot be read (nothing is stored)
     * @throws RejectedChangesException when a value is refused (nothing is stored)
     */
    public static Applied apply(ParameterStore store, byte[] content, String mac) {
        if (ConfigCrypto.isEncrypted(content)) {
            // An encrypted XML file opens with the "XML Config File Password" (P1359).
            // A wrong password can still pass the padding check (about one time in 256): what opens must be XML.
            content = ConfigCrypto.decrypt(content, store.getOrEmpty(XML_CONFIG_PASSWORD))
                    .filter(ConfigFiles::looksLikeXml).orElseThrow(() -> new IllegalArgumentException(
                            "the encrypted file does not open with the XML config file password (P1359)"));
        }
        ConfigText.Parsed parsed = parse(content, mac);
        if (!parsed.unreadable().isEmpty()) {
            // A binary config file's own reasons (another device's MAC, a bad checksum) are kept.
            throw new IllegalArgumentException(!ConfigBinary.looksLikeOne(content) && !looksLikeXml(content)
                    && hasControlBytes(content)
                    ? "binary data, not a text, XML or binary config file (" + content.length
                            + " bytes whose binary header and length word do not match)"
                    : summary(parsed.unreadable()));
        }
        if (store.getIntOr(AUTHENTICATE_CONF_FILE, 0) == 1 && !authenticated(store, parsed.entries())) {
            throw new IllegalArgumentException("config authentication failed: with Authenticate Conf File (P240) the "
                    + "file must carry the current admin password in P2 (or P1)");
        }
        Map<String, String> known = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        parsed.entries().forEach((key, value) -> {
            var number = ParameterKeys.parse(key);
            if (number.isPresent() && store.catalog().find(number.getAsInt()).isPresent()) {
                known.put(key, value);
            } else {
                ignored.add(key);
            }
        });
        return new Applied(store.apply(known), ignored);
    }
}
