package dev.ataemu.sip.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DtmfRelayTest {

    @Test
    @DisplayName("DTMF-01 a key goes out as application/dtmf-relay Signal and Duration lines")
    void body() {
        assertThat(DtmfRelay.body('5', 100)).isEqualTo("Signal=5\r\nDuration=100\r\n");
        assertThat(DtmfRelay.body('#', 160)).startsWith("Signal=#\r\n");
        assertThat(DtmfRelay.body(DtmfRelay.FLASH, 400)).startsWith("Signal=16\r\n");
        assertThatThrownBy(() -> DtmfRelay.body('x', 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("DTMF-01 keys are read from dtmf-relay and dtmf bodies as peers write them")
    void readsPeersBodies() {
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=5\r\nDuration=160\r\n")).contains('5');
        assertThat(DtmfRelay.key("DTMF-Relay", "duration= 250\nsignal= *\n")).contains('*');
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=11\r\n")).contains('#');
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=hf\r\n")).contains(DtmfRelay.FLASH);
        assertThat(DtmfRelay.key("dtmf", "9\r\n")).contains('9');
        assertThat(DtmfRelay.key("dtmf", "a")).contains('A');
    }

    @Test
    @DisplayName("DTMF-01 bodies without a valid key give none")
    void refusesGarbage() {
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=Z\r\n")).isEmpty();
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=17\r\n")).isEmpty();
        assertThat(DtmfRelay.key("dtmf-relay", "Duration=100\r\n")).isEmpty();
        assertThat(DtmfRelay.key("dtmf-relay", "=5")).isEmpty();
        assertThat(DtmfRelay.key("dtmf", "12")).contains('A');
        assertThat(DtmfRelay.key("dtmf", "55")).isEmpty();
        assertThat(DtmfRelay.key("dtmf-relay", "Signal=5\n" + "x".repeat(1000))).isEmpty();
        assertThat(DtmfRelay.key("dtmf-relay", null)).isEmpty();
    }
}
