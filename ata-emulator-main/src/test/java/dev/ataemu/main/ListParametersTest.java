package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListParametersTest {

    private List<String> list(String model) {
        StringWriter out = new StringWriter();
        int exit = AtaEmulator.commandLine().setOut(new PrintWriter(out, true))
                .execute("--list-parameters", "--model", model);
        assertThat(exit).isZero();
        return out.toString().lines().toList();
    }

    private Map<String, String[]> byKey(List<String> lines) {
        return lines.stream().skip(1).map(line -> line.split("\t", -1))
                .collect(Collectors.toMap(cells -> cells[0], Function.identity()));
    }

    @Test
    void eachModelListsAtLeastFourHundredParametersAsTsv() {
        for (String model : List.of("HT502", "HT813")) {
            List<String> lines = list(model);
            assertThat(lines.get(0)).isEqualTo("P\tlabel\ttype\tdefault\trange\tlevel\tpage\tport\treboot");
            assertThat(lines.size() - 1).as(model).isGreaterThanOrEqualTo(400);
            assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.split("\t", -1)).hasSize(9));
        }
    }

    @Test
    void eachModelListsOnlyItsOwnParameters() {
        Map<String, String[]> ht502 = byKey(list("HT502"));
        Map<String, String[]> ht813 = byKey(list("HT813"));

        assertThat(ht813).containsKeys("P28113", "P195");
        assertThat(ht502).doesNotContainKeys("P28113", "P195");
        assertThat(ht813.get("P195")[3]).isEqualTo("*00");
        assertThat(ht502).containsKey("P194").doesNotContainKey("P22296");
        assertThat(ht813).containsKey("P22296").doesNotContainKey("P194");
    }

    @Test
    void aRowSaysTypeDefaultRangeLevelPagePortAndReboot() {
        String[] p8 = byKey(list("HT813")).get("P8");
        assertThat(p8[2]).isEqualTo("enum");
        assertThat(p8[3]).isEqualTo("0");
        assertThat(p8[4]).startsWith("0=");
        assertThat(p8[5]).isEqualTo("user");
        assertThat(p8[6]).isEqualTo("BASIC");
        assertThat(p8[7]).isEqualTo("global");
        assertThat(p8[8]).isEqualTo("yes");

        String[] p35 = byKey(list("HT502")).get("P35");
        assertThat(p35[5]).isEqualTo("admin");
        assertThat(p35[6]).isEqualTo("PORT1");
        assertThat(p35[7]).isEqualTo("1");
    }
}
