package dev.ataemu.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterCatalogParsingTest {

    private static final String HEADER = "# test\n";

    @Test
    void readsEveryColumn() {
        ParameterDefinition p8 = TestCatalogs.small().forModel("HT813").get(8);

        assertThat(p8.key()).isEqualTo("P8");
        assertThat(p8.models()).containsExactlyInAnyOrder("HT502", "HT813");
        assertThat(p8.port()).isZero();
        assertThat(p8.page()).isEqualTo(Page.BASIC);
        assertThat(p8.level()).isEqualTo(AccessLevel.USER);
        assertThat(p8.type()).isEqualTo(ParameterType.ENUM);
        assertThat(p8.defaultValue()).isEqualTo("0");
        assertThat(p8.choices()).containsExactly(new Choice("0", "DHCP"), new Choice("1", "Static IP"),
                new Choice("2", "PPPoE"));
        assertThat(p8.rebootRequired()).isTrue();
        assertThat(p8.resetGroup()).isEqualTo(ResetType.ISP_DATA);
        assertThat(p8.label()).isEqualTo("IP Address Mode");
    }

    @Test
    void eachModelSeesOnlyItsOwnParameters() {
        ParameterCatalog catalog = TestCatalogs.small();
        assertThat(catalog.forModel("HT813").find(195)).isPresent();
        assertThat(catalog.forModel("HT502").find(195)).isEmpty();
        assertThat(catalog.forModel("HT502").find(121)).isPresent();
        assertThat(catalog.forModel("HT813").find(121)).isEmpty();
    }

    @Test
    void refusesADefaultItsOwnRulesRefuse() {
        assertThatThrownBy(() -> TestCatalogs.parse(HEADER
                + "9\tHT502\tglobal\tBASIC\tuser\tint\t300\t0..255\t\t\t1\tOctet\t"))
                .hasMessageContaining("line 2").hasMessageContaining("P9 default '300' must be from 0 to 255");
    }

    @Test
    void refusesAParameterDeclaredTwiceForOneModel() {
        assertThatThrownBy(() -> TestCatalogs.parse(HEADER
                + "9\tHT502\tglobal\tBASIC\tuser\tint\t0\t0..255\t\t\t1\tOctet\t\n"
                + "9\tHT502,HT813\tglobal\tBASIC\tuser\tint\t0\t0..255\t\t\t1\tOctet\t"))
                .hasMessageContaining("P9 is declared twice for the HT502");
    }

    @Test
    void refusesMalformedRows() {
        assertThatThrownBy(() -> TestCatalogs.parse(HEADER + "9\tHT502\tglobal"))
                .hasMessageContaining("expected 13 columns");
        assertThatThrownBy(() -> TestCatalogs.parse(HEADER
                + "9\tHT502\tglobal\tNOPAGE\tuser\tint\t0\t0..255\t\t\t1\tOctet\t"))
                .hasMessageContaining("NOPAGE");
        assertThatThrownBy(() -> TestCatalogs.parse(HEADER
                + "3\tHT502\tglobal\tBASIC\tuser\tstring\t\t\t\t\t0\tName\t"))
                .hasMessageContaining("no maximum length");
    }
}
