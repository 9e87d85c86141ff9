package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ConfigCrypto;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;

/** Encrypted XML config files (OpenSSL's {@code Salted__} format) opened with the XML config file password. */
class ConfigCryptoFuzzTest {

    private static final String PASSWORD = "xml-config-password";

    @DisplayName("PROV-20 any file opens to its plain text or to nothing, without an exception")
    @FuzzTest
    void file(byte[] file) {
        Optional<byte[]> plain = ConfigCrypto.decrypt(file, PASSWORD);
        assertThat(plain.isEmpty() || ConfigCrypto.isEncrypted(file)).isTrue();
    }

    @DisplayName("PROV-20 any plain text encrypted with the password opens to itself, and not with another password")
    @FuzzTest
    void sealed(byte[] plain) {
        byte[] salt = Arrays.copyOf(plain, 8);
        byte[] file = OpensslEnc.encrypt(plain, PASSWORD, salt);
        assertThat(ConfigCrypto.isEncrypted(file)).isTrue();
        assertThat(ConfigCrypto.decrypt(file, PASSWORD)).hasValueSatisfying(opened -> assertThat(opened).isEqualTo(plain));
        ConfigCrypto.decrypt(file, PASSWORD + "!").ifPresent(opened -> assertThat(opened).isNotEqualTo(plain));
    }
}
