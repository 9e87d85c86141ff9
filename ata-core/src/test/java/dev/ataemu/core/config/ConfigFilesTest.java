package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file applied to the store whole: the device's checks before anything changes. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("PROV-18 with Authenticate Conf File (P240) a file is applied only when it carries the current admin "
            + "password in P2 or P1")
    void authenticatedFiles() throws Exception {
        ParameterStore store = ParameterStore.open(ParameterCatalog.builtIn().forModel("HT502"), dir.resolve("auth.txt"), "");
        store.apply(Map.of("P240", "1"));
        byte[] anonymous = "P47 = pbx.forged.test\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigFiles.apply(store, anonymous, "")).hasMessageContaining("authentication");
        assertThat(store.get(47)).isNotEqualTo("pbx.forged.test");
        ConfigFiles.apply(store, "P2 = admin\nP47 = pbx.signed.test\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(store.get(47)).isEqualTo("pbx.signed.test");
    }
}
