package dev.ataemu.media.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToneSpecTest {

    @Test
    void readsADualToneWithContinuousCadence() {
        ToneSpec dial = ToneSpec.parse("f1=350@-13,f2=440@-13,c=0/0;");

        assertThat(dial.frequencies()).containsExactly(new ToneSpec.Frequency(350, -13), new ToneSpec.Frequency(440, -13));
        assertThat(dial.continuous()).isTrue();
    }

    @Test
    void readsMultiStepCadencesAndSpacesAfterCommas() {
        ToneSpec confirmation = ToneSpec.parse("f1=350@-11, f2=440@-11, c=100/100-100/100-100/100;");

        assertThat(confirmation.cadence()).containsExactly(new ToneSpec.CadenceStep(100, 100),
                new ToneSpec.CadenceStep(100, 100), new ToneSpec.CadenceStep(100, 100));
        assertThat(confirmation.continuous()).isFalse();
    }

    @Test
    void readsARingCadenceWithoutFrequencies() {
        ToneSpec ring = ToneSpec.parse("c=2000/4000;");
        assertThat(ring.frequencies()).isEmpty();
        assertThat(ring.cadence()).containsExactly(new ToneSpec.CadenceStep(2000, 4000));
    }

    @Test
    void readsAToneWithoutCadenceAsContinuous() {
        assertThat(ToneSpec.parse("f1=425@-10").continuous()).isTrue();
    }

    @Test
    void refusesMalformedTonesWithAReason() {
        assertThatThrownBy(() -> ToneSpec.parse("")).hasMessage("empty tone");
        assertThatThrownBy(() -> ToneSpec.parse("f1=350")).hasMessageContaining("neither");
        assertThatThrownBy(() -> ToneSpec.parse("f2=350@-13;")).hasMessage("expected f1 but found f2");
        assertThatThrownBy(() -> ToneSpec.parse("f1=100@-13;")).hasMessageContaining("outside 300-3400 Hz");
        assertThatThrownBy(() -> ToneSpec.parse("f1=350@-99;")).hasMessageContaining("outside -60 to 3 dBm");
        assertThatThrownBy(() -> ToneSpec.parse("c=70000/1;")).hasMessageContaining("longer than 64000 ms");
        assertThatThrownBy(() -> ToneSpec.parse("c=1/1,c=2/2;")).hasMessage("more than one cadence");
        assertThatThrownBy(() -> ToneSpec.parse("c=1/1,f1=350@-13;")).hasMessageContaining("before the cadence");
    }
}
