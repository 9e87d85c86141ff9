package dev.ataemu.media.dtmf;

import static dev.ataemu.media.dtmf.DtmfSignals.detect;
import static dev.ataemu.media.dtmf.DtmfSignals.dualTone;
import static dev.ataemu.media.dtmf.DtmfSignals.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The detector against the North American limits of ITU-T Q.24. */
class DtmfDetectorTest {

    private static final String KEYPAD = "123A456B789C*0#D";

    private static String send(String digits, int onMs, int offMs, double lowDbm0, double highDbm0) {
        int ms = digits.length() * (onMs + offMs) + 100;
        return detect(render(new DtmfSender(digits, onMs, offMs, lowDbm0, highDbm0), ms - ms % 20 + 20));
    }

    /** Every key as a lone tone pair with the given deviations (fractions), levels and duration. */
    private static List<String> eachKey(double lowDeviation, double highDeviation, double lowDbm0, double highDbm0, int onMs) {
        List<String> heard = new ArrayList<>();
        for (DtmfDigit digit : DtmfDigit.values()) {
            heard.add(detect(dualTone(digit.lowHz() * (1 + lowDeviation), lowDbm0,
                    digit.highHz() * (1 + highDeviation), highDbm0, onMs)));
        }
        return heard;
    }

    private static List<String> eachKeyAlone() {
        List<String> keys = new ArrayList<>();
        for (DtmfDigit digit : DtmfDigit.values()) {
            keys.add(String.valueOf(digit.symbol()));
        }
        return keys;
    }

    @Test
    @DisplayName("HW-32 DTMF-01 all 16 keys at 40 ms on / 40 ms off are heard, in order, once each")
    void hearsAllSixteenKeysAtFortyFortyMilliseconds() {
        assertThat(send(KEYPAD, 40, 40, -7, -5)).isEqualTo(KEYPAD);
    }

    @Test
    @DisplayName("HW-32 a string of 16 digits at 50/50 ms is decoded in order")
    void decodesADialledStringInOrder() {
        String number = "0800*123#4567890";
        assertThat(send(number, 50, 50, -7, -5)).isEqualTo(number);
    }

    @Test
    @DisplayName("HW-32 the same key pressed again after a 40 ms pause counts again")
    void countsRepeatedKeysSeparatedByFortyMilliseconds() {
        assertThat(send("1111", 40, 40, -7, -5)).isEqualTo("1111");
        assertThat(send("00##", 45, 40, -25, -25)).isEqualTo("00##");
    }

    @Test
    @DisplayName("HW-32 a key held for a second is reported once")
    void reportsAHeldKeyOnce() {
        assertThat(send("5", 1000, 100, -7, -5)).isEqualTo("5");
    }

    @Test
    @DisplayName("HW-32 a drop-out of 10 ms inside a held key is not a second press")
    void bridgesShortDropOuts() {
        short[] first = dualTone(852, -7, 1336, -5, 200);
        short[] second = dualTone(852, -7, 1336, -5, 200);
        short[] both = new short[first.length - 800 + 80 + second.length - 800];
        System.arraycopy(first, 0, both, 0, first.length - 800);
        System.arraycopy(second, 800, both, first.length - 800 + 80, second.length - 800);

        assertThat(detect(both)).isEqualTo("8");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -10, -25})
    @DisplayName("HW-32 every key is heard at levels from -3 down to -25 dBm0 per tone")
    void hearsEveryKeyAcrossTheLevelRange(double dbm0) {
        assertThat(send(KEYPAD, 40, 40, dbm0, dbm0)).isEqualTo(KEYPAD);
    }

    @Test
    @DisplayName("HW-32 tones at -36 dBm0 are too weak to count")
    void ignoresTonesBelowTheSensitivity() {
        assertThat(send(KEYPAD, 60, 60, -36, -36)).isEmpty();
    }

    @Test
    @DisplayName("HW-32 twist from +4 dB (high group louder) to -8 dB (high group quieter) is accepted")
    void acceptsQ24Twist() {
        assertThat(send(KEYPAD, 40, 40, -12, -8)).isEqualTo(KEYPAD);
        assertThat(send(KEYPAD, 40, 40, -5, -13)).isEqualTo(KEYPAD);
        assertThat(send(KEYPAD, 40, 40, -17, -25)).isEqualTo(KEYPAD);
    }

    @Test
    @DisplayName("HW-32 excessive twist is refused")
    void refusesExcessiveTwist() {
        assertThat(send(KEYPAD, 60, 60, -18, -8)).isEmpty();
        assertThat(send(KEYPAD, 60, 60, -16, -8)).isEmpty();
        assertThat(send(KEYPAD, 60, 60, -5, -17)).isEmpty();
    }

    @Test
    @DisplayName("HW-32 tones off by up to 1.5 % are accepted")
    void acceptsSmallFrequencyDeviations() {
        List<String> keys = eachKeyAlone();
        assertThat(eachKey(0.015, 0.015, -7, -5, 40)).isEqualTo(keys);
        assertThat(eachKey(-0.015, -0.015, -7, -5, 40)).isEqualTo(keys);
        assertThat(eachKey(0.015, -0.015, -7, -5, 40)).isEqualTo(keys);
        assertThat(eachKey(-0.015, 0.015, -20, -20, 40)).isEqualTo(keys);
    }

    @Test
    @DisplayName("HW-32 tones off by 3.5 % are refused")
    void refusesLargeFrequencyDeviations() {
        List<String> nothing = Collections.nCopies(16, "");
        assertThat(eachKey(0.035, 0, -7, -5, 100)).isEqualTo(nothing);
        assertThat(eachKey(-0.035, 0, -7, -5, 100)).isEqualTo(nothing);
        assertThat(eachKey(0, 0.035, -7, -5, 100)).isEqualTo(nothing);
        assertThat(eachKey(0, -0.035, -7, -5, 100)).isEqualTo(nothing);
    }

    @Test
    @DisplayName("HW-32 tones of 40 ms count, tones of 24 ms and 20 ms do not")
    void refusesTonesThatAreTooShort() {
        assertThat(eachKey(0, 0, -7, -5, 40)).isEqualTo(eachKeyAlone());
        assertThat(String.join("", eachKey(0, 0, -7, -5, 24))).isEmpty();
        assertThat(String.join("", eachKey(0, 0, -3, -3, 20))).isEmpty();
        assertThat(send(KEYPAD, 20, 60, -7, -5)).isEmpty();
    }

    @Test
    void hearsAKeyInBlocksOfAnySize() {
        List<DtmfDigit> heard = new ArrayList<>();
        DtmfDetector detector = new DtmfDetector(heard::add);
        short[] tone = dualTone(697, -7, 1209, -5, 60);
        for (int at = 0; at < tone.length; at += 7) {
            detector.process(Arrays.copyOfRange(tone, at, Math.min(tone.length, at + 7)));
        }

        assertThat(heard).containsExactly(DtmfDigit.ONE);
    }

    @Test
    void forgetsAKeyStillHeldWhenReset() {
        List<DtmfDigit> heard = new ArrayList<>();
        DtmfDetector detector = new DtmfDetector(heard::add);
        short[] tone = dualTone(941, -7, 1477, -5, 200);
        detector.process(Arrays.copyOfRange(tone, 0, 1600));
        detector.reset();
        detector.process(Arrays.copyOfRange(tone, 1600, tone.length));

        assertThat(heard).containsExactly(DtmfDigit.HASH, DtmfDigit.HASH);
    }
}
