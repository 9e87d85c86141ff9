package dev.ataemu.media.tone;

import static dev.ataemu.media.tone.ToneGeneratorTest.assertOff;
import static dev.ataemu.media.tone.ToneGeneratorTest.assertOn;
import static dev.ataemu.media.tone.ToneGeneratorTest.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.dsp.Goertzel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StutterDialToneTest {

    private static final ToneSpec DIAL = ToneSpec.parse("f1=350@-13,f2=440@-13,c=0/0;");

    @Test
    @DisplayName("CALL-31 the stutter tone interrupts dial tone 10 times 100/100 ms, then dial tone stays")
    void stuttersThenPlaysSteadyDialTone() {
        StutterDialTone tone = new StutterDialTone(DIAL);
        short[] s = render(tone, 5000);

        for (int burst = 0; burst < 10; burst++) {
            assertOn(s, burst * 200, burst * 200 + 100);
            assertOff(s, burst * 200 + 100, burst * 200 + 200);
            assertThat(Goertzel.levelDbm0(s, (burst * 200 + 10) * 8, 80 * 8, 350)).isCloseTo(-13, within(0.5));
        }
        assertOn(s, 2000, 5000);
        assertThat(Goertzel.levelDbm0(s, 3000 * 8, 8000, 350)).isCloseTo(-13, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 3000 * 8, 8000, 440)).isCloseTo(-13, within(0.5));
        assertThat(tone.finished()).isFalse();
    }

    @Test
    void takesTheNumberOfInterruptions() {
        short[] s = render(new StutterDialTone(DIAL, 15), 4000);

        assertOff(s, 2900, 3000);
        assertOn(s, 3000, 4000);
        assertThatThrownBy(() -> new StutterDialTone(DIAL, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
