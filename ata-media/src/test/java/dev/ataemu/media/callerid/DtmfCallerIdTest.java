package dev.ataemu.media.callerid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DtmfCallerIdTest {

    private static final CallerId NUMBER = CallerId.empty().withNumber("6265551234");
    private static final CallerId WITHHELD = CallerId.empty().withNumberAbsent(Absence.PRIVATE);
    private static final CallerId UNAVAILABLE = CallerId.empty().withNumberAbsent(Absence.UNAVAILABLE);

    @Test
    @DisplayName("DTMF-08 the four DTMF variants encode a number")
    void variantsEncodeANumber() {
        assertThat(DtmfCallerId.encode(NUMBER, 'A', 'C')).isEqualTo("A6265551234C");
        assertThat(DtmfCallerId.encode(NUMBER, 'A', '#')).isEqualTo("A6265551234#");
        assertThat(DtmfCallerId.encode(NUMBER, 'D', 'C')).isEqualTo("D6265551234C");
        assertThat(DtmfCallerId.encode(NUMBER, DtmfMarkers.NUMBER_HASH)).isEqualTo("6265551234#");
    }

    @Test
    @DisplayName("DTMF-08 absence codes: D1#/D3# for '#' strings, B10/B00 special information otherwise")
    void absenceCodes() {
        assertThat(DtmfCallerId.encode(WITHHELD, 'A', '#')).isEqualTo("D1#");
        assertThat(DtmfCallerId.encode(UNAVAILABLE, 'A', '#')).isEqualTo("D3#");
        assertThat(DtmfCallerId.encode(WITHHELD, 'A', 'C')).isEqualTo("B10C");
        assertThat(DtmfCallerId.encode(UNAVAILABLE, 'A', 'C')).isEqualTo("B00C");
        assertThat(DtmfCallerId.decode("D2#")).isEqualTo(UNAVAILABLE);
        assertThat(DtmfCallerId.decode("B01C")).isEqualTo(WITHHELD);
    }

    @Test
    @DisplayName("DTMF-08 every variant, with a number and without, round-trips")
    void roundTrips() {
        for (DtmfMarkers markers : new DtmfMarkers[] {DtmfMarkers.ETSI, DtmfMarkers.HASH_TERMINATED,
                DtmfMarkers.TAIWAN, DtmfMarkers.NUMBER_HASH, DtmfMarkers.of('B', 'D'), DtmfMarkers.of('#', 'C')}) {
            for (CallerId id : new CallerId[] {NUMBER, WITHHELD, UNAVAILABLE}) {
                assertThat(DtmfCallerId.decode(DtmfCallerId.encode(id, markers))).as("%s %s", markers, id).isEqualTo(id);
            }
        }
        assertThat(DtmfCallerId.decode("A6265551234D5551000C")).isEqualTo(NUMBER);
    }

    @Test
    @DisplayName("DTMF-08 Grandstream start/stop settings P4661/P4662: 0 default, 1 A, 2 B, 3 C, 4 D, 5 #")
    void startAndStopSettings() {
        assertThat(DtmfMarkers.ETSI.overriddenBy(0, 0)).isEqualTo(DtmfMarkers.ETSI);
        assertThat(DtmfMarkers.ETSI.overriddenBy(4, 5)).isEqualTo(DtmfMarkers.of('D', '#'));
        assertThat(DtmfMarkers.ETSI.overriddenBy(2, 3)).isEqualTo(DtmfMarkers.of('B', 'C'));
        assertThat(DtmfMarkers.NUMBER_HASH.overriddenBy(0, 1)).isEqualTo(new DtmfMarkers(Optional.empty(), 'A'));
        assertThatThrownBy(() -> DtmfMarkers.ETSI.overriddenBy(6, 0)).hasMessageContaining("outside 0-5");
    }

    @Test
    @DisplayName("DTMF-08 malformed DTMF strings and numbers DTMF cannot carry are refused")
    void refusals() {
        assertThatThrownBy(() -> DtmfCallerId.decode("A123")).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> DtmfCallerId.decode("AC")).hasMessageContaining("no number");
        assertThatThrownBy(() -> DtmfCallerId.decode("A12*3C")).hasMessageContaining("unexpected");
        assertThatThrownBy(() -> DtmfCallerId.encode(CallerId.empty().withNumber("+1626"), 'A', 'C'))
                .hasMessageContaining("cannot be sent");
    }
}
