package dev.ataemu.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoertzelTest {

    static short[] sine(double hz, double dbm0, int samples, double phase) {
        short[] s = new short[samples];
        for (int n = 0; n < samples; n++) {
            s[n] = Audio.clip(Audio.sineAmplitude(dbm0) * Math.sin(2 * Math.PI * hz * n / Audio.SAMPLE_RATE + phase));
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"350, -13, 160", "440, -24, 160", "697, -25, 160", "1633, -3, 160", "3300, -40, 200", "480, 0, 8000"})
    void measuresAPureToneLevelOverTwentyMilliseconds(double hz, double dbm0, int samples) {
        for (double phase = 0; phase < 6; phase += 0.7) {
            short[] s = sine(hz, dbm0, samples, phase);

            assertThat(Goertzel.levelDbm0(s, 0, samples, hz)).isCloseTo(dbm0, within(0.1));
        }
    }

    @Test
    void measuresOneToneOfAPairOverALongBlock() {
        short[] a = sine(350, -13, 8000, 0);
        short[] b = sine(440, -20, 8000, 1);
        short[] sum = new short[8000];
        for (int n = 0; n < sum.length; n++) {
            sum[n] = (short) (a[n] + b[n]);
        }

        assertThat(Goertzel.levelDbm0(sum, 0, 8000, 350)).isCloseTo(-13, within(0.1));
        assertThat(Goertzel.levelDbm0(sum, 0, 8000, 440)).isCloseTo(-20, within(0.1));
        assertThat(Goertzel.levelDbm0(sum, 0, 8000, 1000)).isLessThan(-60);
    }

    @Test
    void powerPeaksAtTheToneAndFallsAwayFromIt() {
        short[] s = sine(1000, -10, 800, 0);
        double amplitude = Audio.sineAmplitude(-10);

        assertThat(Goertzel.power(s, 0, 800, 1000)).isCloseTo(Math.pow(amplitude * 400, 2), within(1e-2 * Math.pow(amplitude * 400, 2)));
        assertThat(Goertzel.power(s, 0, 800, 1100)).isLessThan(1e-4 * Goertzel.power(s, 0, 800, 1000));
    }

    @Test
    void silenceHasNoLevelAndTooShortABlockIsRefused() {
        assertThat(Goertzel.levelDbm0(new short[160], 0, 160, 440)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Goertzel.levelDbm0(new short[1], 0, 1, 440)).isInstanceOf(IllegalArgumentException.class);
    }
}
