package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The legacy binary config file: INTERFACES.md 3.1's test vector, the checks a device makes, and URL decoding. */
class ConfigBinaryTest {

    private static final String VECTOR = "0000001c1a23000b820102ab0d0a0d0a"
            + "50323d61646d696e265034373d7369702e6578616d706c652e636f6d26676e6b65793d3062383200";

    @Test
    @DisplayName("PROV-16 encoding P2=admin and P47=sip.example.com for 000b820102ab gives the reference file byte "
            + "for byte, and it reads back")
    void referenceVector() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("P2", "admin");
        values.put("P47", "sip.example.com");
        byte[] file = ConfigBinary.encode("000b820102ab", values);
        assertThat(HexFormat.of().formatHex(file)).isEqualTo(VECTOR);

        ConfigText.Parsed parsed = ConfigBinary.parse(HexFormat.of().parseHex(VECTOR), "000b820102ab");
        assertThat(parsed.unreadable()).isEmpty();
        assertThat(parsed.entries()).isEqualTo(values);
    }

    @Test
    @DisplayName("PROV-16 values are URL-decoded, raw ones taken as they are")
    void urlEncodedValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("P3", "Front Desk & Co");
        values.put("P4200", "{ x+ | *x+ }");
        ConfigText.Parsed parsed = ConfigBinary.parse(ConfigBinary.encode("000b820102ab", values), "");
        assertThat(parsed.entries()).isEqualTo(values);
    }

    @Test
    @DisplayName("PROV-16 a file with a wrong checksum, for another MAC, or without gnkey is not read")
    void refusals() {
        byte[] good = HexFormat.of().parseHex(VECTOR);
        byte[] corrupted = good.clone();
        corrupted[20] ^= 0x01;
        assertThat(ConfigBinary.parse(corrupted, "").unreadable()).singleElement().asString().contains("checksum");
        assertThat(ConfigBinary.parse(good, "000b82ffffff").unreadable()).singleElement().asString()
                .contains("not this device");
        assertThat(ConfigBinary.looksLikeOne("P47 = x\n".getBytes())).isFalse();
        byte[] noKey = ConfigBinary.encode("000b820102ab", Map.of("P47", "x"));
        String text = new String(noKey, java.nio.charset.StandardCharsets.ISO_8859_1).replace("gnkey=0b82", "gnkez=0b82");
        byte[] tampered = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        // Re-seal the checksum so only the missing key is wrong.
        tampered[4] = 0;
        tampered[5] = 0;
        int sum = 0;
        for (int i = 0; i + 1 < tampered.length; i += 2) {
            sum += ((tampered[i] & 0xFF) << 8) | (tampered[i + 1] & 0xFF);
        }
        int checksum = (0x10000 - (sum & 0xFFFF)) & 0xFFFF;
        tampered[4] = (byte) (checksum >>> 8);
        tampered[5] = (byte) checksum;
        assertThat(ConfigBinary.parse(tampered, "").unreadable()).singleElement().asString().contains("gnkey");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("PROV-16 a file from an independent encoder (a Perl script written from the format's description, "
            + "padding to four bytes) is taken whole")
    void independentEncoder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path script = java.nio.file.Path.of(getClass().getResource("/encoders/gs_cfg_encode.pl").toURI());
        java.nio.file.Path file = dir.resolve("cfg000b820102ab");
        Process perl = new ProcessBuilder("perl", script.toString(), "000b820102ab", file.toString(),
                "P3=Front Desk & Co", "P47=pbx.example.net", "P35=1001").redirectErrorStream(true).start();
        String said = new String(perl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(perl.waitFor()).as(said).isZero();

        ConfigText.Parsed parsed = ConfigBinary.parse(java.nio.file.Files.readAllBytes(file), "000b820102ab");
        org.assertj.core.api.Assertions.assertThat(parsed.unreadable()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(parsed.entries()).containsEntry("P3", "Front Desk & Co")
                .containsEntry("P47", "pbx.example.net").containsEntry("P35", "1001");
    }
}
