package dev.ataemu.media.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.audio.SampleSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LegRecorderTest {

    /** Samples numbered 0, 1, 2, ... (wrapping at 16 bits), so positions can be checked. */
    private static short[] ramp(int length) {
        short[] s = new short[length];
        for (int i = 0; i < length; i++) {
            s[i] = (short) i;
        }
        return s;
    }

    @Test
    @DisplayName("keeps the last N seconds, oldest sample first, across the ring's wrap")
    void keepsTheLastSeconds() {
        LegRecorder recorder = new LegRecorder(2);
        short[] threeSeconds = ramp(3 * Audio.SAMPLE_RATE);
        for (int at = 0; at < threeSeconds.length; at += Audio.FRAME_SAMPLES) {
            recorder.record(java.util.Arrays.copyOfRange(threeSeconds, at, at + Audio.FRAME_SAMPLES));
        }

        assertThat(recorder.last(2000)).isEqualTo(java.util.Arrays.copyOfRange(threeSeconds, 8000, 24000));
        assertThat(recorder.last(20)).isEqualTo(java.util.Arrays.copyOfRange(threeSeconds, 23840, 24000));
        assertThat(recorder.recordedSamples()).isEqualTo(24000);
    }

    @Test
    @DisplayName("gives less than asked when less was recorded, and nothing after clear")
    void shorterWhenLessRecorded() {
        LegRecorder recorder = new LegRecorder(1);
        recorder.record(ramp(100));

        assertThat(recorder.last(1000)).isEqualTo(ramp(100));
        recorder.clear();
        assertThat(recorder.last(1000)).isEmpty();
        assertThatThrownBy(() -> recorder.last(1001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a tap records each frame as the leg is read, and passes it on unchanged")
    void tapRecordsWhatIsRead() {
        LegRecorder recorder = new LegRecorder(1);
        AudioSource leg = recorder.tap(new SampleSource(ramp(320), false));
        short[] frame = Audio.newFrame();

        leg.read(frame);
        assertThat(frame).isEqualTo(java.util.Arrays.copyOfRange(ramp(320), 0, 160));
        leg.read(frame);

        assertThat(recorder.last(40)).isEqualTo(ramp(320));
        assertThat(leg.finished()).isTrue();
    }
}
