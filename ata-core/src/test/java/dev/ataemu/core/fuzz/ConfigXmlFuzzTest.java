package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ConfigText;
import dev.ataemu.core.config.ConfigXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/** The XML config file ({@code gs_provision}) as provisioning downloads it or the web page takes it. */
class ConfigXmlFuzzTest {

    @DisplayName("PROV-16 any XML file is read into entries, or into the reasons it cannot be, without an exception")
    @FuzzTest
    void file(byte[] file) {
        ConfigText.Parsed parsed = ConfigXml.parse(new String(file, StandardCharsets.UTF_8), "000b82010203");
        assertThat(parsed.entries().isEmpty() || parsed.unreadable().isEmpty()).isTrue();
        parsed.unreadable().forEach(reason -> assertThat(reason).isNotBlank());
    }
}
