package dev.ataemu.ivr.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The recorded prompts shipped in the build: every word, in every language, is there and is speech. */
class PromptLibraryTest {

    @Test
    @DisplayName("IVR-37 every prompt is recorded in English and Spanish: between 0.1 and 4 seconds of audible 8 kHz speech")
    void everyWordIsRecorded() {
        PromptLibrary library = new PromptLibrary();
        for (String language : new String[] {"en", "es"}) {
            for (Word word : Word.values()) {
                short[] clip = library.clip(language, word);
                assertThat(clip.length).as(language + " " + word).isBetween(800, 32_000);
                int peak = 0;
                for (short sample : clip) {
                    peak = Math.max(peak, Math.abs(sample));
                }
                assertThat(peak).as(language + " " + word + " peak").isGreaterThan(8000);
            }
        }
    }

    @Test
    @DisplayName("IVR-19 IVR-26 values are read out character by character, with \"dot\" between the parts")
    void spelledValues() {
        assertThat(Phrase.spelled("10.0.0.5").toString()).isEqualTo("digit_1 digit_0 dot digit_0 dot digit_0 dot digit_5");
        assertThat(Phrase.spelled("000b82").toString()).isEqualTo("digit_0 digit_0 digit_0 letter_b digit_8 digit_2");
        assertThat(Phrase.spelled("1.0.16.2-beta").words()).hasSize(11);
    }
}
