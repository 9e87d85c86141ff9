package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.media.callerid.CallerIdScheme.Alerting;
import dev.ataemu.media.callerid.CallerIdScheme.Modulation;
import dev.ataemu.media.fsk.FskStandard;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallerIdSchemeTest {

    @Test
    @DisplayName("HW-33 P853/P863 codes 0-15 map to the Grandstream schemes")
    void codes() {
        for (int code = 0; code <= 15; code++) {
            assertThat(CallerIdScheme.of(code).code()).isEqualTo(code);
        }
        assertThat(CallerIdScheme.of(0)).isEqualTo(CallerIdScheme.BELLCORE);
        assertThat(CallerIdScheme.of(9)).isEqualTo(CallerIdScheme.SIN_227_BT);
        assertThat(CallerIdScheme.of(10)).isEqualTo(CallerIdScheme.NTT_JAPAN);
        assertThatThrownBy(() -> CallerIdScheme.of(16)).hasMessageContaining("outside 0-15");
    }

    @Test
    @DisplayName("HW-33 each scheme says how, when and after what alert its data goes")
    void whatEachSchemeNeeds() {
        assertThat(CallerIdScheme.BELLCORE.modulation().fsk()).contains(FskStandard.BELL_202);
        assertThat(CallerIdScheme.BELLCORE.placement()).isEqualTo(Placement.AFTER_FIRST_RING);
        assertThat(CallerIdScheme.ETSI_FSK_DURING_RINGING.modulation().fsk()).contains(FskStandard.V23);
        assertThat(CallerIdScheme.ETSI_FSK_PRIOR_TO_RINGING_DT_AS.alerting()).isEqualTo(Alerting.DT_AS);
        assertThat(CallerIdScheme.ETSI_FSK_PRIOR_TO_RINGING_LR.alerting()).isEqualTo(Alerting.LINE_REVERSAL_DT_AS);
        assertThat(CallerIdScheme.ETSI_FSK_PRIOR_TO_RINGING_RP.alerting()).isEqualTo(Alerting.RP_AS);
        assertThat(CallerIdScheme.ETSI_DTMF_PRIOR_TO_RINGING_RP.modulation()).isEqualTo(Modulation.DTMF);
        assertThat(CallerIdScheme.NTT_JAPAN.placement()).isEqualTo(Placement.AFTER_PRIMARY_RESPONSE);
        assertThat(CallerIdScheme.DTMF_DENMARK.dtmfMarkers()).isEqualTo(DtmfMarkers.HASH_TERMINATED);
        assertThat(CallerIdScheme.DTMF_DENMARK_LR.alerting()).isEqualTo(Alerting.LINE_REVERSAL);
        assertThat(CallerIdScheme.DTMF_SWEDEN_FINLAND_LR.dtmfMarkers()).isEqualTo(DtmfMarkers.ETSI);
        assertThat(CallerIdScheme.DTMF_FSK_BRAZIL.modulation()).isEqualTo(Modulation.DTMF_AND_V23);
        for (CallerIdScheme scheme : CallerIdScheme.values()) {
            boolean prior = scheme.placement() == Placement.BEFORE_FIRST_RING;
            assertThat(scheme.name().contains("PRIOR_TO_RINGING")).as(scheme.name()).isEqualTo(
                    prior && scheme.code() >= 2 && scheme.code() <= 8);
        }
    }
}
