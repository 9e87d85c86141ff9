package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigTextTest {

    @Test
    void readsTheLinesOfAGrandstreamTemplate() {
        ConfigText.Parsed parsed = ConfigText.parse("""
                # Admin password for web interface
                P2 = admin
                P47=sip.example.com
                P4000 = f1=350@-13,f2=440@-13,c=0/0;
                   P3   =   John Doe
                P66 =
                """);

        assertThat(parsed.entries()).containsExactly(
                Map.entry("P2", "admin"),
                Map.entry("P47", "sip.example.com"),
                Map.entry("P4000", "f1=350@-13,f2=440@-13,c=0/0;"),
                Map.entry("P3", "John Doe"),
                Map.entry("P66", ""));
        assertThat(parsed.unreadable()).isEmpty();
    }

    @Test
    void namesTheLinesItCannotRead() {
        ConfigText.Parsed parsed = ConfigText.parse("P2 = admin\ngarbage here\n= no key\n");
        assertThat(parsed.unreadable()).containsExactly(
                "line 2: no '=' in 'garbage here'",
                "line 3: no '=' in '= no key'");
    }

    @Test
    void everyValueSurvivesFormatThenParse() {
        Map<Integer, String> values = new TreeMap<>();
        values.put(1, "plain");
        values.put(2, "back\\slash and \\n literal");
        values.put(3, "line one\nline two\r\n");
        values.put(4, " padded ");
        values.put(5, "tab\there");
        values.put(6, "");
        values.put(7, "ünïcode ☎");

        ConfigText.Parsed parsed = ConfigText.parse(ConfigText.format("header", values));

        values.forEach((number, value) -> assertThat(parsed.entries()).containsEntry("P" + number, value));
    }
}
