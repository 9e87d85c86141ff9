package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted XML config files, as Grandstream's instructions make them with the openssl command line (Debian's openssl). */
class ConfigCryptoTest {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><gs_provision version=\"1\">"
            + "<config version=\"1\"><P47>pbx.encrypted.test</P47></config></gs_provision>";

    @TempDir
    Path dir;

    private byte[] encryptWithOpenssl(String password) throws Exception {
        Path plain = Files.writeString(dir.resolve("config.xml"), XML);
        Path encrypted = dir.resolve("cfg.xml");
        Process openssl = new ProcessBuilder("openssl", "enc", "-e", "-aes-256-cbc", "-md", "md5", "-k", password,
                "-in", plain.toString(), "-out", encrypted.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor()).as(output).isZero();
        return Files.readAllBytes(encrypted);
    }

    @Test
    @DisplayName("PROV-20 a file from openssl enc -aes-256-cbc -md md5 opens with its password, and with no other")
    void opensslFile() throws Exception {
        byte[] file = encryptWithOpenssl("s3cret pass");
        assertThat(ConfigCrypto.isEncrypted(file)).isTrue();
        assertThat(ConfigCrypto.decrypt(file, "s3cret pass")).hasValueSatisfying(
                plain -> assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(XML));
        assertThat(ConfigCrypto.decrypt(file, "wrong")).satisfiesAnyOf(
                opened -> assertThat(opened).isEmpty(),
                opened -> assertThat(new String(opened.get(), StandardCharsets.ISO_8859_1)).isNotEqualTo(XML));
    }

    @Test
    @DisplayName("PROV-20 an encrypted file is applied with the XML config file password (P1359); without it nothing changes")
    void appliedWithTheDevicePassword() throws Exception {
        ParameterStore store = ParameterStore.open(ParameterCatalog.builtIn().forModel("HT813"), dir.resolve("store.txt"), "");
        byte[] file = encryptWithOpenssl("provider-key");
        assertThatThrownBy(() -> ConfigFiles.apply(store, file, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1359");
        assertThat(store.get(47)).isNotEqualTo("pbx.encrypted.test");
        store.apply(Map.of("P1359", "provider-key"));
        ConfigFiles.apply(store, file, "");
        assertThat(store.get(47)).isEqualTo("pbx.encrypted.test");
    }

    @Test
    @DisplayName("PROV-20 SEC-06 a wrong password whose garbage happens to end in valid padding is still refused, "
            + "naming P1359, and changes nothing")
    void wrongPasswordWithValidPadding() throws Exception {
        byte[] file = encryptWithOpenssl("provider-key");
        String lucky = null;
        for (int i = 0; i < 20_000 && lucky == null; i++) {
            if (ConfigCrypto.decrypt(file, "guess" + i).isPresent()) {
                lucky = "guess" + i;
            }
        }
        assertThat(lucky).as("a wrong password that passes the padding check").isNotNull();
        ParameterStore store = ParameterStore.open(ParameterCatalog.builtIn().forModel("HT813"), dir.resolve("store.txt"), "");
        store.apply(Map.of("P1359", lucky));
        assertThatThrownBy(() -> ConfigFiles.apply(store, file, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P1359");
        assertThat(store.get(47)).isEmpty();
    }
}
