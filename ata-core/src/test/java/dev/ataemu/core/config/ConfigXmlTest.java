package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The XML config format: read in file order, with anything unreadable said, and no external entities. */
class ConfigXmlTest {

    @Test
    @DisplayName("PROV-17 a gs_provision file gives its P-values in order")
    void readsEntries() {
        ConfigText.Parsed parsed = ConfigXml.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gs_provision version=\"1\">"
                + "<mac>000b82123456</mac><config version=\"1\"><P47>pbx.test</P47><P3>A &amp; B</P3><P34></P34>"
                + "</config></gs_provision>");
        assertThat(parsed.unreadable()).isEmpty();
        assertThat(parsed.entries()).containsExactly(java.util.Map.entry("P47", "pbx.test"),
                java.util.Map.entry("P3", "A & B"), java.util.Map.entry("P34", ""));
    }

    @Test
    @DisplayName("PROV-17 a file that is not a gs_provision config, or declares a DTD, is not read")
    void refusesWhatItCannotTrust() {
        assertThat(ConfigXml.parse("<settings><P47>x</P47></settings>").unreadable()).singleElement().asString()
                .contains("gs_provision");
        assertThat(ConfigXml.parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<gs_provision><config><P47>&e;</P47></config></gs_provision>").unreadable()).hasSize(1);
        assertThat(ConfigXml.parse("<gs_provision><config>").unreadable()).hasSize(1);
    }
}
