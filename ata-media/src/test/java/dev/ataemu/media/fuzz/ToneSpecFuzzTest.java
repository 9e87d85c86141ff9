package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;

/** The call-progress tone syntax of the tone settings ({@code f1=350@-13,f2=440@-13,c=2000/4000;}). */
class ToneSpecFuzzTest {

    @DisplayName("MEDIA-27 a tone string parses to a playable tone within limits, or is refused with IllegalArgumentException")
    @FuzzTest
    void tone(byte[] input) {
        ToneSpec spec;
        try {
            spec = ToneSpec.parse(new String(input, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(spec.frequencies()).hasSizeLessThanOrEqualTo(4);
        for (ToneSpec.Frequency frequency : spec.frequencies()) {
            assertThat(frequency.hz()).isBetween(ToneSpec.MIN_HZ, ToneSpec.MAX_HZ);
        }
        for (ToneSpec.CadenceStep step : spec.cadence()) {
            assertThat(step.onMs()).isBetween(0, ToneSpec.MAX_STEP_MS);
            assertThat(step.offMs()).isBetween(0, ToneSpec.MAX_STEP_MS);
        }
        ToneGenerator generator = new ToneGenerator(spec);
        short[] frame = Audio.newFrame();
        for (int i = 0; i < 10; i++) {
            generator.read(frame);
        }
    }
}
