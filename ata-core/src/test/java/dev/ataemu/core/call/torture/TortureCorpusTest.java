package dev.ataemu.core.call.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stored torture messages are complete and unchanged: every section's message, octet for octet. */
class TortureCorpusTest {

    @Test
    @DisplayName("SIP-50 the torture corpus holds every message of RFC 4475 section 3 and RFC 5118 section 4,"
            + " each file matching its recorded SHA-256")
    void corpusIsCompleteAndUnchanged() throws Exception {
        Map<String, String> recorded = new LinkedHashMap<>();
        try (InputStream in = TortureCorpusTest.class.getResourceAsStream("/torture/SHA256SUMS")) {
            new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(line -> line.split("\\s+", 2)).forEach(entry -> recorded.put(entry[1], entry[0]));
        }
        Map<String, String> stored = TortureCatalog.all().stream().collect(Collectors.toMap(
                message -> "rfc" + message.rfc() + "/" + message.name() + ".dat", message -> sha256(message.bytes()),
                (first, second) -> first, LinkedHashMap::new));

        assertThat(stored.keySet().stream().filter(file -> file.startsWith("rfc4475/"))).hasSize(49);
        assertThat(stored.keySet().stream().filter(file -> file.startsWith("rfc5118/"))).hasSize(12);
        assertThat(stored).isEqualTo(recorded);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
