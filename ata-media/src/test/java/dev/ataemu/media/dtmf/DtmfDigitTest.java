package dev.ataemu.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DtmfDigitTest {

    @Test
    void hasTheSixteenKeysOfTheKeypadWithTheirTones() {
        String keypad = "123A456B789C*0#D";
        int[] low = {697, 770, 852, 941};
        int[] high = {1209, 1336, 1477, 1633};
        for (int i = 0; i < keypad.length(); i++) {
            DtmfDigit digit = DtmfDigit.of(keypad.charAt(i));
            assertThat(digit.symbol()).isEqualTo(keypad.charAt(i));
            assertThat(digit.lowHz()).isEqualTo(low[i / 4]);
            assertThat(digit.highHz()).isEqualTo(high[i % 4]);
            assertThat(DtmfDigit.at(digit.row(), digit.column())).isSameAs(digit);
        }
        assertThat(DtmfDigit.values()).hasSize(16);
    }

    @Test
    void readsLowerCaseLettersAndRefusesOtherCharacters() {
        assertThat(DtmfDigit.of('a')).isSameAs(DtmfDigit.A);
        assertThat(DtmfDigit.of('d')).isSameAs(DtmfDigit.D);
        assertThat(DtmfDigit.of('#')).isSameAs(DtmfDigit.HASH);
        assertThatThrownBy(() -> DtmfDigit.of('E')).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'E'");
        assertThatThrownBy(() -> DtmfDigit.of(',')).isInstanceOf(IllegalArgumentException.class);
    }
}
