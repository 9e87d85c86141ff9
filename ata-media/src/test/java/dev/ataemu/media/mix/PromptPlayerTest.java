package dev.ataemu.media.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.SampleSource;
import dev.ataemu.media.dsp.Goertzel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PromptPlayerTest {

    private final PromptPlayer player = new PromptPlayer();
    private final List<String> events = new ArrayList<>();

    private static short[] constant(int length, int value) {
        short[] s = new short[length];
        Arrays.fill(s, (short) value);
        return s;
    }

    private short[] read() {
        short[] frame = Audio.newFrame();
        player.read(frame);
        return frame;
    }

    @Test
    @DisplayName("HW-32 clips and pauses play back to back, sample-exact, then silence, and the callback runs with the last sample")
    void playsASequenceThenSilence() {
        player.play(List.of(Prompt.clip(constant(100, 1)), Prompt.silence(30), Prompt.clip(constant(500, 2))),
                () -> events.add("done"));
        short[] expected = new short[6 * Audio.FRAME_SAMPLES];
        Arrays.fill(expected, 0, 100, (short) 1);
        Arrays.fill(expected, 340, 840, (short) 2);

        short[] played = new short[expected.length];
        for (int frame = 0; frame < 6; frame++) {
            assertThat(events).as("before frame %d", frame).isEmpty();
            System.arraycopy(read(), 0, played, frame * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
        }

        assertThat(played).isEqualTo(expected);
        assertThat(events).containsExactly("done");
        assertThat(player.finished()).isTrue();
        assertThat(read()).containsOnly((short) 0);
        assertThat(events).containsExactly("done");
    }

    @Test
    @DisplayName("HW-32 a clip that ends on a frame's last sample completes in that frame, not the next")
    void completesOnTheExactFrame() {
        player.play(Prompt.clip(constant(2 * Audio.FRAME_SAMPLES, 7)), () -> events.add("done"));

        read();
        assertThat(events).isEmpty();
        assertThat(read()).containsOnly((short) 7);
        assertThat(events).containsExactly("done");
    }

    @Test
    @DisplayName("HW-32 any audio source can be a prompt, e.g. a 1 kHz tone, played until it finishes")
    void playsAudioSources() {
        Tone tone = new Tone(1000, -10);
        short[] toneSamples = new short[800];
        for (int at = 0; at < toneSamples.length; at += Audio.FRAME_SAMPLES) {
            short[] frame = Audio.newFrame();
            tone.read(frame);
            System.arraycopy(frame, 0, toneSamples, at, frame.length);
        }
        player.play(List.of(Prompt.of(new SampleSource(toneSamples, false)), Prompt.clip(constant(10, 3))),
                () -> events.add("done"));

        short[] played = new short[6 * Audio.FRAME_SAMPLES];
        for (int frame = 0; frame < 6; frame++) {
            System.arraycopy(read(), 0, played, frame * Audio.FRAME_SAMPLES, Audio.FRAME_SAMPLES);
        }

        assertThat(Arrays.copyOf(played, 800)).isEqualTo(toneSamples);
        assertThat(Goertzel.levelDbm0(played, 0, 800, 1000)).isCloseTo(-10, within(0.1));
        assertThat(Arrays.copyOfRange(played, 800, 810)).containsOnly((short) 3);
        assertThat(events).containsExactly("done");
    }

    @Test
    @DisplayName("HW-32 sequences queue in order; a callback may queue the next prompt, which starts at once")
    void sequencesChain() {
        player.play(Prompt.clip(constant(100, 1)), () -> events.add("first"));
        player.play(Prompt.clip(constant(100, 2)), () -> {
            events.add("second");
            player.play(Prompt.clip(constant(100, 3)), () -> events.add("third"));
        });

        short[] frame = read();
        assertThat(Arrays.copyOfRange(frame, 0, 100)).containsOnly((short) 1);
        assertThat(Arrays.copyOfRange(frame, 100, 160)).containsOnly((short) 2);
        assertThat(events).containsExactly("first");

        frame = read();
        assertThat(Arrays.copyOfRange(frame, 0, 40)).containsOnly((short) 2);
        assertThat(Arrays.copyOfRange(frame, 40, 160)).containsOnly((short) 0);
        assertThat(events).containsExactly("first", "second");
        assertThat(player.playing()).isTrue();

        assertThat(Arrays.copyOfRange(read(), 0, 100)).containsOnly((short) 3);
        assertThat(events).containsExactly("first", "second", "third");
    }

    @Test
    @DisplayName("HW-32 stop drops a never-ending prompt and the queue without running their callbacks")
    void stopDropsEverything() {
        player.play(Prompt.of(new Tone(440, -10)), () -> events.add("tone"));
        player.play(Prompt.clip(constant(100, 1)), () -> events.add("clip"));
        for (int i = 0; i < 50; i++) {
            assertThat(Audio.rms(read(), 0, Audio.FRAME_SAMPLES)).isGreaterThan(0);
        }

        player.stop();

        assertThat(read()).containsOnly((short) 0);
        assertThat(player.playing()).isFalse();
        assertThat(events).isEmpty();
    }
}
