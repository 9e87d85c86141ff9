package dev.ataemu.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResamplerTest {

    private static short[] sine(double hz, int rate, int samples, double amplitude) {
        short[] s = new short[samples];
        for (int n = 0; n < samples; n++) {
            s[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n / rate));
        }
        return s;
    }

    /** The amplitude of the component at {@code hz}, by a least-squares fit after the filter settles. */
    private static double amplitude(short[] s, double hz, int rate) {
        double c = 0;
        double q = 0;
        int from = 200;
        for (int n = from; n < s.length; n++) {
            c += s[n] * Math.cos(2 * Math.PI * hz * n / rate);
            q += s[n] * Math.sin(2 * Math.PI * hz * n / rate);
        }
        return 2 * Math.hypot(c, q) / (s.length - from);
    }

    @ParameterizedTest
    @ValueSource(doubles = {300, 1000, 2000, 3000, 3400})
    void passbandIsFlatBothWays(double hz) {
        short[] in = sine(hz, 8000, 4000, 10000);
        short[] up = new short[8000];
        Resampler.doubling().process(in, 0, in.length, up, 0);
        assertThat(20 * Math.log10(amplitude(up, hz, 16000) / 10000)).isBetween(-0.5, 0.5);

        short[] wide = sine(hz, 16000, 8000, 10000);
        short[] down = new short[4000];
        Resampler.halving().process(wide, 0, wide.length, down, 0);
        assertThat(20 * Math.log10(amplitude(down, hz, 8000) / 10000)).isBetween(-0.5, 0.5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {3000, 3400})
    void imagesAndAliasesAreFiftyDecibelsDown(double hz) {
        short[] in = sine(hz, 8000, 4000, 20000);
        short[] up = new short[8000];
        Resampler.doubling().process(in, 0, in.length, up, 0);
        assertThat(20 * Math.log10(amplitude(up, 8000 - hz, 16000) / 20000)).isLessThan(-50);

        short[] wide = sine(8000 - hz, 16000, 8000, 20000);
        short[] down = new short[4000];
        Resampler.halving().process(wide, 0, wide.length, down, 0);
        assertThat(20 * Math.log10(amplitude(down, hz, 8000) / 20000)).isLessThan(-50);
    }

    @Test
    void delaysByHalfTheFilter() {
        short[] impulse = new short[40];
        impulse[0] = 10000;
        short[] up = new short[80];
        Resampler.doubling().process(impulse, 0, 40, up, 0);
        int peak = 0;
        for (int i = 0; i < up.length; i++) {
            if (up[i] > up[peak]) {
                peak = i;
            }
        }
        assertThat(peak).isEqualTo(Resampler.DELAY);
    }
}
