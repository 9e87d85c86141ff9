package dev.ataemu.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.core.config.ConfigText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/** The text config format ({@code P47 = value}): uploaded files, and the device's own store on disk. */
class ConfigTextFuzzTest {

    @DisplayName("PROV-16 any text file is read into entries and unreadable lines, without an exception")
    @FuzzTest
    void file(byte[] file) {
        ConfigText.Parsed parsed = ConfigText.parse(new String(file, StandardCharsets.UTF_8));
        parsed.entries().keySet().forEach(key -> assertThat(key).isNotEmpty());
    }

    @DisplayName("MGMT-03 any value written in the text format reads back exactly, so the store on disk loses nothing")
    @FuzzTest
    void value(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        String file = ConfigText.format("a device\nits settings", Map.of(47, text, 3, "after"));
        assertThat(ConfigText.parse(file).entries()).containsEntry("P47", text).containsEntry("P3", "after");
        assertThat(ConfigText.parse(file).unreadable()).isEmpty();
    }
}
