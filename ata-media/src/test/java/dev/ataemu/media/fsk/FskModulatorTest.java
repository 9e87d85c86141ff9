package dev.ataemu.media.fsk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FskModulatorTest {

    @Test
    @DisplayName("HW-33 bit timing accumulates exactly: n bits last floor(n * 8000 / 1200) samples")
    void bitTimingAccumulatesExactly() {
        byte[] message = new byte[100];
        short[] burst = FskModulator.burst(FskStandard.BELL_202, -13.5, 300, 180, message);

        long bits = 300 + 180 + 100 * 10;
        assertThat(burst).hasSize((int) (bits * 8000 / 1200));
        assertThat(new FskModulator(FskStandard.V23, -13.5).mark(3).samples()).hasSize(20);
        assertThat(new FskModulator(FskStandard.V23, -13.5).mark(1).samples()).hasSize(6);
    }

    @Test
    @DisplayName("HW-33 the carrier is phase-continuous across every bit boundary")
    void phaseIsContinuous() {
        short[] burst = FskModulator.burst(FskStandard.BELL_202, 0, 300, 10, new byte[] {0x55, (byte) 0xAA, 0x0F});
        double amplitude = Audio.sineAmplitude(0);
        // The largest step a sine of 2200 Hz can make between two samples, plus rounding.
        double maxStep = amplitude * 2 * Math.sin(Math.PI * 2200 / 8000) + 2;

        for (int i = 1; i < burst.length; i++) {
            assertThat((double) Math.abs(burst[i] - burst[i - 1])).isLessThanOrEqualTo(maxStep);
        }
    }

    @Test
    @DisplayName("HW-33 the mark tone has the standard's frequency and the requested level")
    void markToneFrequencyAndLevel() {
        short[] mark = new FskModulator(FskStandard.V23, -13.5).mark(1200).samples();

        assertThat(Audio.dbm0OfRms(Audio.rms(mark, 0, mark.length))).isCloseTo(-13.5, within(0.05));
        int crossings = 0;
        for (int i = 1; i < mark.length; i++) {
            if (mark[i - 1] < 0 && mark[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(1299, 1301);
    }

    @Test
    @DisplayName("HW-33 channel seizure alternates starting with 0: the async reading is 0x55")
    void seizureStartsWithSpace() {
        short[] one = new FskModulator(FskStandard.BELL_202, -13.5).seizure(1).samples();
        short[] two = new FskModulator(FskStandard.BELL_202, -13.5).seizure(2).samples();
        short[] spaceBit = new FskModulator(FskStandard.BELL_202, -13.5).octets(new byte[] {0}).samples();

        assertThat(one).isEqualTo(java.util.Arrays.copyOf(spaceBit, one.length));
        assertThat(two).hasSize(13);
    }
}
