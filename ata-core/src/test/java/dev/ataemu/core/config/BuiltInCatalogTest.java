package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped catalog against the vendor's config templates (copied into the test resources):
 * every P-value of a model's template is declared for that model, and nothing else is.
 */
class BuiltInCatalogTest {

    private final ParameterCatalog catalog = ParameterCatalog.builtIn();

    @ParameterizedTest(name = "{0} declares exactly the P-values of template {1}")
    @CsvSource({"HT502, pvalues-ht502-1.0.16.2.tsv", "HT813, pvalues-ht813-1.0.9.1.tsv"})
    void eachModelHasExactlyTheParametersOfItsFirmwareTemplate(String model, String template) throws IOException {
        Set<Integer> declared = new TreeSet<>();
        catalog.forModel(model).all().forEach(p -> declared.add(p.number()));
        // The emulator's own numbers sit above every real one.
        declared.removeIf(number -> number >= dev.ataemu.core.feature.FeatureParameters.EMULATOR_ONLY_FROM);

        assertThat(declared).isEqualTo(templateNumbers(template));
        assertThat(declared).hasSizeGreaterThanOrEqualTo(400);
    }

    @Test
    void modelSpecificParametersBelongToTheirModelOnly() {
        ModelCatalog ht502 = catalog.forModel("HT502");
        ModelCatalog ht813 = catalog.forModel("HT813");

        assertThat(ht813.get(28113).type()).isEqualTo(ParameterType.PASSWORD);
        assertThat(ht813.get(28113).defaultValue()).isEqualTo("viewer");
        assertThat(ht502.find(28113)).isEmpty();
        assertThat(ht813.get(195).defaultValue()).isEqualTo("*00");
        assertThat(ht502.find(195)).isEmpty();
        assertThat(ht502.get(4043).port()).isEqualTo(2);
        assertThat(ht813.find(4043)).isEmpty();
    }

    @Test
    void automaticUpgradeKeepsTheTwoEncodingsApart() {
        assertThat(catalog.forModel("HT502").get(194).choices()).extracting(Choice::code, Choice::label)
                .startsWith(org.assertj.core.groups.Tuple.tuple("0", "No"),
                        org.assertj.core.groups.Tuple.tuple("1", "Check daily"),
                        org.assertj.core.groups.Tuple.tuple("2", "Check weekly"));
        assertThat(catalog.forModel("HT502").find(22296)).isEmpty();
        assertThat(catalog.forModel("HT813").get(22296).choices()).extracting(Choice::label)
                .containsExactly("No", "Check every () minutes", "Check daily", "Check weekly");
        assertThat(catalog.forModel("HT813").find(194)).isEmpty();
    }

    @Test
    void invertedFlagsKeepTheirRawMeaning() {
        assertThat(catalog.forModel("HT502").get(276).label()).isEqualTo("Telnet Server");
        assertThat(catalog.forModel("HT502").get(276).choices())
                .containsExactly(new Choice("0", "Yes"), new Choice("1", "No"));
        assertThat(catalog.forModel("HT813").get(276).label()).isEqualTo("Disable SSH");
        assertThat(catalog.forModel("HT813").get(276).choices())
                .containsExactly(new Choice("0", "No"), new Choice("1", "Yes"));
    }

    @Test
    void numbersThatMeanSomethingElseOnTheHt813FxoPort() {
        ModelCatalog ht502 = catalog.forModel("HT502");
        ModelCatalog ht813 = catalog.forModel("HT813");

        assertThat(ht502.get(292).label()).startsWith("No Key Entry Timeout");
        assertThat(ht813.get(292).label()).startsWith("Inter-Digit Timeout");
        assertThat(ht502.get(864).label()).startsWith("SLIC Setting");
        assertThat(ht502.get(864).choices()).hasSize(15);
        assertThat(ht813.get(864).choices()).hasSize(30);
        assertThat(ht502.get(893).defaultValue()).isEqualTo("0");
        assertThat(ht813.get(893).defaultValue()).isEqualTo("1");
        assertThat(ht813.get(893).label()).contains("Current Disconnect");
    }

    @Test
    void defaultsFollowEachModelsTemplate() {
        assertThat(catalog.forModel("HT502").get(212).defaultValue()).isEqualTo("1");
        assertThat(catalog.forModel("HT813").get(212).defaultValue()).isEqualTo("2");
        assertThat(catalog.forModel("HT502").get(148).defaultValue()).isEqualTo("HT500");
        assertThat(catalog.forModel("HT813").get(148).defaultValue()).isEqualTo("HT8XX");
        assertThat(catalog.forModel("HT813").get(4000).defaultValue()).isEqualTo("f1=350@-17,f2=440@-17,c=0/0;");
        assertThat(catalog.forModel("HT502").get(47).defaultValue()).as("template example is not a factory value").isEmpty();
        assertThat(catalog.forModel("HT502").get(2).defaultValue()).isEqualTo("admin");
        assertThat(catalog.forModel("HT502").get(196).defaultValue()).isEqualTo("123");
    }

    @Test
    @DisplayName("PROV-17 BOOT-16 declarations say port, page, access level and reboot")
    void declarationsSayPortPageLevelAndReboot() {
        ModelCatalog ht813 = catalog.forModel("HT813");
        assertThat(ht813.get(47).port()).isEqualTo(1);
        assertThat(ht813.get(747).port()).isEqualTo(2);
        assertThat(ht813.get(747).page()).isEqualTo(Page.PORT2);
        assertThat(ht813.get(8).level()).isEqualTo(AccessLevel.USER);
        assertThat(ht813.get(2).level()).isEqualTo(AccessLevel.ADMIN);
        assertThat(ht813.get(8).rebootRequired()).isTrue();
        assertThat(ht813.get(3).rebootRequired()).isFalse();
        assertThat(ht813.get(901).rebootRequired()).isTrue();
    }

    @Test
    @DisplayName("RST-05 reset groups follow the manual's reset types")
    void resetGroupsFollowTheManualsResetTypes() {
        ModelCatalog ht813 = catalog.forModel("HT813");
        assertThat(ht813.get(8).resetGroup()).as("IP mode").isEqualTo(ResetType.ISP_DATA);
        assertThat(ht813.get(47).resetGroup()).as("SIP server").isEqualTo(ResetType.VOIP_DATA);
        assertThat(ht813.get(35).resetGroup()).as("SIP user ID").isEqualTo(ResetType.VOIP_DATA);
        assertThat(ht813.get(237).resetGroup()).as("config server").isEqualTo(ResetType.VOIP_DATA);
        assertThat(ht813.get(2).resetGroup()).as("admin password: full reset only").isEqualTo(ResetType.FULL);
    }

    @Test
    void everyModelHasTheParametersTheEmulatorReadsByNumber() {
        for (String model : catalog.models()) {
            ModelCatalog parameters = catalog.forModel(model);
            for (int number : new int[] {2, 196, 901, 40, 740}) {
                assertThat(parameters.find(number)).as("%s P%d", model, number).isPresent();
            }
        }
    }

    @Test
    void aBatchIsValidatedAgainstTheModelsOwnRules() {
        ModelCatalog ht813 = catalog.forModel("HT813");
        assertThat(ht813.validate(Map.of("P47", "pbx.example.com", "P195", "*99"))).containsOnlyKeys(47, 195);
    }

    private static Set<Integer> templateNumbers(String resource) throws IOException {
        Set<Integer> numbers = new TreeSet<>();
        try (InputStream in = BuiltInCatalogTest.class.getResourceAsStream("/templates/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text.lines().filter(line -> !line.startsWith("#")).forEach(line ->
                    numbers.add(Integer.parseInt(line.split("\t")[1].substring(1))));
        }
        return numbers;
    }
}
