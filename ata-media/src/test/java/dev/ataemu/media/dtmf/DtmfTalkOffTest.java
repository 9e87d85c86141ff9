package dev.ataemu.media.dtmf;

import static dev.ataemu.media.dtmf.DtmfSignals.detect;
import static dev.ataemu.media.dtmf.DtmfSignals.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Talk-off (no digits out of speech or music) and talk-down (digits still heard over speech). */
class DtmfTalkOffTest {

    @Test
    @DisplayName("HW-32 a minute of speech-like audio gives no digit")
    void speechGivesNoDigit() {
        assertThat(detect(SpeechLikeSignal.generate(4, 60, -25, -10))).isEmpty();
    }

    @Test
    @DisplayName("HW-32 a minute of music-like audio, with notes on and around the DTMF tones, gives no digit")
    void musicGivesNoDigit() {
        assertThat(detect(MusicLikeSignal.generate(8, 60, -20, -5))).isEmpty();
    }

    @Test
    @DisplayName("HW-32 DTMF-01 digits keyed over speech are all heard, once each")
    void digitsOverSpeechAreHeard() {
        String digits = "147*2580369#ABCD";
        short[] speech = SpeechLikeSignal.generate(11, 4, -24, -14);
        short[] keys = render(new DtmfSender(digits, 100, 100), 4000);
        for (int n = 0; n < keys.length; n++) {
            keys[n] = Audio.clip(keys[n] + speech[n]);
        }

        assertThat(detect(keys)).isEqualTo(digits);
    }
}
