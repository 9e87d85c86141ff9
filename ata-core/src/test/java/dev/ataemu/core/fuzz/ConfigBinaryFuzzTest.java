package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ConfigBinary;
import dev.ataemu.core.config.ConfigText;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;

/** The legacy binary config file {@code cfg<mac>} as provisioning downloads it or the web page takes it. */
class ConfigBinaryFuzzTest {

    private static final String MAC = "000b82010203";

    @DisplayName("PROV-16 any file is read into entries, or into the reasons it cannot be, without an exception")
    @FuzzTest
    void file(byte[] file) {
        ConfigText.Parsed parsed = ConfigBinary.parse(file, MAC);
        assertThat(parsed.entries().isEmpty() || parsed.unreadable().isEmpty() || ConfigBinary.looksLikeOne(file)).isTrue();
        roundTrip(parsed);
    }

    /** The fuzzed bytes as the body of a file whose length, checksum and MAC are right, so the fuzzer reaches the body. */
    @DisplayName("PROV-16 a well-framed file of any body is read into entries that encode back to the same entries")
    @FuzzTest
    void body(byte[] body) {
        ConfigText.Parsed parsed = ConfigBinary.parse(framed(body), MAC);
        roundTrip(parsed);
    }

    private static void roundTrip(ConfigText.Parsed parsed) {
        if (!parsed.unreadable().isEmpty()) {
            return;
        }
        if (parsed.entries().keySet().stream().allMatch(ConfigBinaryFuzzTest::plainAscii)) {
            assertThat(ConfigBinary.parse(ConfigBinary.encode(MAC, parsed.entries()), MAC).entries())
                    .containsExactlyEntriesOf(parsed.entries());
        }
    }

    /** Keys are written as they are, in US-ASCII. */
    private static boolean plainAscii(String key) {
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    static byte[] framed(byte[] body) {
        int length = 16 + body.length + body.length % 2;
        byte[] file = new byte[length];
        int words = length / 2;
        file[0] = (byte) (words >>> 24);
        file[1] = (byte) (words >>> 16);
        file[2] = (byte) (words >>> 8);
        file[3] = (byte) words;
        System.arraycopy(HexFormat.of().parseHex(MAC), 0, file, 6, 6);
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, file, 12, 4);
        System.arraycopy(body, 0, file, 16, body.length);
        int sum = 0;
        for (int i = 0; i + 1 < file.length; i += 2) {
            sum += (file[i] & 0xFF) << 8 | file[i + 1] & 0xFF;
        }
        int checksum = (0x10000 - (sum & 0xFFFF)) & 0xFFFF;
        file[4] = (byte) (checksum >>> 8);
        file[5] = (byte) checksum;
        return file;
    }
}
