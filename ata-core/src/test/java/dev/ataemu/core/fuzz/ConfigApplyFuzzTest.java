package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ConfigFiles;
import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.RejectedChangesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;

/**
 * A whole config file applied to the device's store, as an upload or a provisioning download is:
 * any format, plain or encrypted. Taken whole and kept on disk exactly, or refused whole with
 * nothing changed.
 */
class ConfigApplyFuzzTest {

    private static final ModelCatalog HT813 = ParameterCatalog.builtIn().forModel("HT813");
    private static final String PASSWORD = "xml-config-password";
    private static final Path DIR = temporaryDirectory();
    private static final Path FILE = DIR.resolve("config.txt");
    private static final ParameterStore STORE = opened();

    @DisplayName("PROV-16 any config file is taken whole and stored exactly, or refused whole with nothing changed")
    @FuzzTest
    void file(byte[] content) {
        applyAndCheck(content);
    }

    @DisplayName("PROV-20 any encrypted config file is taken whole and stored exactly, or refused whole with nothing changed")
    @FuzzTest
    void encrypted(byte[] plain) {
        applyAndCheck(OpensslEnc.encrypt(plain, PASSWORD, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    private static void applyAndCheck(byte[] content) {
        Map<Integer, String> before = STORE.snapshot();
        try {
            ConfigFiles.apply(STORE, content, "000b82010203");
        } catch (IllegalArgumentException | RejectedChangesException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertThat(STORE.snapshot()).isEqualTo(before);
        }
        assertThat(opened().snapshot()).as("the store as it reads back from disk").isEqualTo(STORE.snapshot());
    }

    private static ParameterStore opened() {
        ParameterStore store = ParameterStore.open(HT813, FILE, "fuzzed device");
        if (store.getOrEmpty(1359).isEmpty()) {
            store.apply(Map.of("P1359", PASSWORD));
        }
        return store;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("config-apply-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
