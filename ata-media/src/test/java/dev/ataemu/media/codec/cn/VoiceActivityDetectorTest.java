package dev.ataemu.media.codec.cn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.opus.Voice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {

    private static final int FRAME = Audio.FRAME_SAMPLES;

    @Test
    @DisplayName("MEDIA-15 noise at -60 dBm0 is silence, and the noise floor settles on it")
    void quietNoiseIsSilence() {
        VoiceActivityDetector vad = new VoiceActivityDetector();
        short[] noise = ComfortNoiseTest.noise(-60, new Random(1));

        assertThat(decisions(vad, noise)).doesNotContain(true);
        assertThat(vad.noiseFloorDbm0()).isBetween(-62.0, -58.0);
    }

    @Test
    @DisplayName("MEDIA-15 vowel bursts over -60 dBm0 noise are voiced, held for the hangover, then silence again")
    void burstsAreVoicedWithHangover() {
        short[] line = ComfortNoiseTest.noise(-60, new Random(2));
        // Two 300 ms vowels at -20 dBm0, 100 ms apart, in 2 s of noise.
        for (int start : new int[] {20, 40}) {
            short[] vowel = Voice.vowel(1, 140, -20, 15 * FRAME);
            for (int n = 0; n < vowel.length; n++) {
                line[start * FRAME + n] = Audio.clip(line[start * FRAME + n] + vowel[n]);
            }
        }
        List<Boolean> voiced = decisions(new VoiceActivityDetector(), line);

        assertThat(voiced.subList(0, 20)).doesNotContain(true);
        assertThat(voiced.subList(20, 35)).doesNotContain(false);
        assertThat(voiced.subList(35, 40)).as("the pause, bridged").doesNotContain(false);
        assertThat(voiced.subList(40, 55)).doesNotContain(false);
        int hangover = VoiceActivityDetector.DEFAULT_HANGOVER_FRAMES;
        assertThat(voiced.subList(55, 55 + hangover)).as("hangover").doesNotContain(false);
        assertThat(voiced.subList(55 + hangover, voiced.size())).doesNotContain(true);
    }

    @Test
    @DisplayName("MEDIA-15 speech-like audio is voiced almost throughout, its short pauses bridged by the hangover")
    void speechIsVoiced() {
        short[] speech = Voice.speech(3, -20, 3 * Audio.SAMPLE_RATE);
        long voiced = decisions(new VoiceActivityDetector(), speech).stream().filter(v -> v).count();
        assertThat(voiced).isGreaterThan(3 * 50 * 8 / 10);
    }

    @Test
    @DisplayName("MEDIA-15 a lasting rise in background noise is learnt as the new floor")
    void noiseFloorFollowsARise() {
        VoiceActivityDetector vad = new VoiceActivityDetector();
        decisions(vad, ComfortNoiseTest.noise(-60, new Random(4)));
        short[] louder = new short[6 * Audio.SAMPLE_RATE];
        for (int part = 0; part < 3; part++) {
            short[] noise = ComfortNoiseTest.noise(-40, new Random(10 + part));
            System.arraycopy(noise, 0, louder, part * noise.length, noise.length);
        }
        List<Boolean> voiced = decisions(vad, louder);

        assertThat(voiced.subList(voiced.size() - 50, voiced.size())).doesNotContain(true);
        assertThat(vad.noiseFloorDbm0()).isBetween(-42.0, -38.0);
    }

    private static List<Boolean> decisions(VoiceActivityDetector vad, short[] audio) {
        List<Boolean> out = new ArrayList<>();
        for (int at = 0; at + FRAME <= audio.length; at += FRAME) {
            out.add(vad.voiced(Arrays.copyOfRange(audio, at, at + FRAME)));
        }
        return out;
    }
}
