package dev.ataemu.media.fax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dtmf.DtmfDigit;
import dev.ataemu.media.dtmf.SpeechLikeSignal;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaxToneDetectorTest {

    private final List<FaxToneDetector.Tone> heard = new ArrayList<>();
    private final List<Integer> heardAtMs = new ArrayList<>();
    private int fedMs;
    private final FaxToneDetector detector = new FaxToneDetector(tone -> {
        heard.add(tone);
        heardAtMs.add(fedMs);
    });

    private void feed(String tone, int ms) {
        ToneGenerator generator = new ToneGenerator(ToneSpec.parse(tone));
        short[] frame = Audio.newFrame();
        for (int i = 0; i < ms / 20; i++) {
            generator.read(frame);
            fedMs += 20;
            detector.process(frame, frame.length);
        }
    }

    @Test
    @DisplayName("CALL-40 a calling fax's CNG (1100 Hz, 0.5 s on, 3 s off) is heard once, within its first burst")
    void callingTone() {
        feed("f1=1100@-12,c=500/3000;", 7000);

        assertThat(heard).containsExactly(FaxToneDetector.Tone.CNG);
        assertThat(heardAtMs.get(0)).isBetween(400, 520);
    }

    @Test
    @DisplayName("CALL-40 an answering fax's CED, 2100 Hz, is heard after a second")
    void answerTone() {
        feed("f1=2100@-12,c=0/0;", 3000);

        assertThat(heard).containsExactly(FaxToneDetector.Tone.CED);
        assertThat(heardAtMs.get(0)).isBetween(1000, 1060);
    }

    @Test
    @DisplayName("CALL-42 a modem's answer tone, 2100 Hz with its phase reversed every 450 ms (V.25 /ANS), is a modem")
    void modemAnswerTone() {
        short[] ans = new short[8000 * 3];
        for (int n = 0; n < ans.length; n++) {
            double reversal = (n / 3600) % 2 == 0 ? 0 : Math.PI;
            ans[n] = (short) (0.25 * Short.MAX_VALUE * Math.sin(2 * Math.PI * 2100 * n / 8000.0 + reversal));
        }
        for (int at = 0; at < ans.length; at += 160) {
            fedMs += 20;
            detector.process(java.util.Arrays.copyOfRange(ans, at, at + 160), 160);
        }

        assertThat(heard).containsExactly(FaxToneDetector.Tone.MODEM);
    }

    @ParameterizedTest(name = "CALL-40 the tones are heard within their tolerances and down to -40 dBm0: {0}")
    @ValueSource(strings = {"f1=1062@-12,c=0/0;", "f1=1138@-12,c=0/0;", "f1=1100@-40,c=0/0;", "f1=2085@-12,c=0/0;",
            "f1=2115@-40,c=0/0;"})
    void tolerances(String tone) {
        feed(tone, 1500);

        assertThat(heard).hasSize(1);
    }

    @ParameterizedTest(name = "CALL-40 not a fax: {0}")
    @ValueSource(strings = {"f1=2100@-12,c=300/300;", "f1=1100@-12,c=300/300;", "f1=2100@-50,c=0/0;",
            "f1=1300@-12,c=0/0;", "f1=1800@-12,c=0/0;", "f1=350@-13,f2=440@-13,c=0/0;", "f1=480@-12,f2=620@-12,c=500/500;",
            "f1=1100@-15,f2=440@-12,c=0/0;"})
    void notAFax(String tone) {
        feed(tone, 5000);

        assertThat(heard).isEmpty();
    }

    @Test
    @DisplayName("CALL-40 a minute of speech and every DTMF key held for a second are not taken for a fax")
    void talkOff() {
        short[] speech = SpeechLikeSignal.generate(4, 60, -25, -10);
        detector.process(speech, speech.length);
        for (char key : "0123456789*#ABCD".toCharArray()) {
            DtmfDigit digit = DtmfDigit.of(key);
            feed("f1=" + digit.lowHz() + "@-10,f2=" + digit.highHz() + "@-8,c=0/0;", 1000);
        }

        assertThat(heard).isEmpty();
    }
}
