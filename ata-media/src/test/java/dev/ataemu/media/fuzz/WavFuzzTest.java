package dev.ataemu.media.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ataemu.media.audio.Wav;
import org.junit.jupiter.api.DisplayName;

/** WAV files of line audio (uploaded prompts and recordings). */
class WavFuzzTest {

    @DisplayName("a WAV file decodes to samples that encode back to a file decoding the same, or is refused")
    @FuzzTest
    void file(byte[] file) {
        short[] samples;
        try {
            samples = Wav.decode(file);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(samples.length * 2L).isLessThanOrEqualTo(file.length);
        assertThat(Wav.decode(Wav.encode(samples))).isEqualTo(samples);
    }
}
