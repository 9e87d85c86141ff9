package dev.ataemu.media.dsp;

import static dev.ataemu.media.dsp.GoertzelTest.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import org.junit.jupiter.api.Test;

class WindowedBinTest {

    @Test
    void hearsItsToneAndLessOfItsNeighbours() {
        WindowedBin bin = new WindowedBin(697, 128);
        bin.analyze(sine(697, -20, 128, 0.4), 0);

        assertThat(Audio.dbm0OfRms(bin.amplitude() / Math.sqrt(2))).isCloseTo(-20, within(0.2));
        assertThat(bin.response(0)).isCloseTo(1, within(1e-9));
        assertThat(bin.gainAt(62.5)).isCloseTo(0.5, within(0.01));
        assertThat(bin.gainAt(125)).isLessThan(0.01);
    }

    @Test
    void correctsTheLevelOfAnOffFrequencyTone() {
        WindowedBin bin = new WindowedBin(1633, 128);
        bin.analyze(sine(1633 * 1.02, -10, 128, 2), 0);

        double corrected = bin.amplitude() / bin.gainAt(1633 * 0.02);
        assertThat(Audio.dbm0OfRms(corrected / Math.sqrt(2))).isCloseTo(-10, within(0.2));
    }

    @Test
    void predictsWhatAToneLeaksIntoANeighbouringBin() {
        short[] tone = sine(1350, -10, 160, 0.9);
        WindowedBin column = new WindowedBin(1336, 128);
        WindowedBin overtone = new WindowedBin(1394, 128);
        column.analyze(tone, 32);
        overtone.analyze(tone, 32);

        double[] leak = column.leak(column.re(), column.im(), 1350, 1394);

        double scale = Math.hypot(overtone.re(), overtone.im());
        assertThat(leak[0]).isCloseTo(overtone.re(), within(0.02 * scale));
        assertThat(leak[1]).isCloseTo(overtone.im(), within(0.02 * scale));
    }
}
