package dev.ataemu.media.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dsp.Goertzel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConferenceMixerTest {

    private static final int FRAMES_PER_SECOND = 1000 / Audio.FRAME_MS;
    /** The window the levels are measured over: the last 400 ms. */
    private static final int WINDOW_MS = 400;
    private static final int WINDOW = WINDOW_MS * Audio.SAMPLE_RATE / 1000;

    private final ConferenceMixer mixer = new ConferenceMixer();
    private final List<LegRecorder> heard = new ArrayList<>();
    private final List<AudioSource> ears = new ArrayList<>();

    /** Joins {@code input} and records what it hears, as the line or a leg would read it each tick. */
    private Participant join(AudioSource input) {
        Participant participant = mixer.join(input);
        LegRecorder recorder = new LegRecorder(5);
        heard.add(recorder);
        ears.add(recorder.tap(participant.output()));
        return participant;
    }

    private LegRecorder heardBy(int index) {
        return heard.get(index);
    }

    /** Ticks the mixer for {@code ms}, each tick reading one frame from every participant's output. */
    private void run(int ms) {
        short[] frame = Audio.newFrame();
        for (int i = 0; i < ms / Audio.FRAME_MS; i++) {
            mixer.mix();
            for (AudioSource ear : ears) {
                ear.read(frame);
            }
        }
    }

    private static double level(short[] s, double hz) {
        return Goertzel.levelDbm0(s, s.length - WINDOW, WINDOW, hz);
    }

    @Test
    @DisplayName("CALL-24 in a 3-way conference each party hears the other two at their level and never itself")
    void eachHearsTheOthersButNotItself() {
        double[] hz = {500, 1000, 1500};
        for (double f : hz) {
            join(new Tone(f, -15));
        }

        run(1000);

        for (int p = 0; p < hz.length; p++) {
            short[] s = heardBy(p).last(1000);
            for (int q = 0; q < hz.length; q++) {
                if (q == p) {
                    assertThat(level(s, hz[q])).as("party %d hears itself at %.0f Hz", p, hz[q]).isLessThan(-60);
                } else {
                    assertThat(level(s, hz[q])).as("party %d hears %.0f Hz", p, hz[q]).isCloseTo(-15, within(0.2));
                }
            }
        }
        assertThat(mixer.participants()).allSatisfy(p -> assertThat(p.outputGain()).isEqualTo(1.0));
    }

    @Test
    @DisplayName("CALL-24 two loud parties in phase are scaled down for the third, never wrapped round")
    void loudInputsDoNotWrapAround() {
        Tone a = new Tone(1000, Audio.FULL_SCALE_SINE_DBM0);
        Tone b = new Tone(1000, Audio.FULL_SCALE_SINE_DBM0);
        join(a);
        join(b);
        join(AudioSource.SILENCE);

        run(1000);

        short[] s = heardBy(2).last(1000);
        // The exact sum is twice one full-scale sine: the output must follow its sign everywhere.
        Tone reference = new Tone(1000, Audio.FULL_SCALE_SINE_DBM0);
        short[] one = Audio.newFrame();
        int largestStep = 0;
        for (int frame = 0; frame < s.length / Audio.FRAME_SAMPLES; frame++) {
            reference.read(one);
            for (int i = 0; i < one.length; i++) {
                int n = frame * Audio.FRAME_SAMPLES + i;
                if (Math.abs(one[i]) > 1000) {
                    assertThat(Integer.signum(s[n])).as("sample %d", n).isEqualTo(Integer.signum(one[i]));
                }
                if (n > Audio.FRAME_SAMPLES) {
                    largestStep = Math.max(largestStep, Math.abs(s[n] - s[n - 1]));
                }
            }
        }
        // Once the gain has settled (after the first 20 ms) the output is a smooth full-scale sine,
        // moving at most 0.71 of full scale between samples; a wrap-around would jump by most of 64k.
        assertThat(largestStep).isLessThanOrEqualTo(23_200);
        // Settled, the gain holds the peaks exactly at full scale: half the sum.
        assertThat(level(s, 1000)).isCloseTo(Audio.FULL_SCALE_SINE_DBM0, within(0.05));
        assertThat(mixer.participants().get(2).outputGain()).isCloseTo(0.5, within(0.001));
        // The parties who each hear only one full-scale sine need no scaling.
        assertThat(level(heardBy(0).last(1000), 1000)).isCloseTo(Audio.FULL_SCALE_SINE_DBM0, within(0.1));
    }

    @Test
    @DisplayName("CALL-24 a loud party is scaled together with the other, keeping their balance, and the gain recovers")
    void scalingKeepsTheBalanceAndRecovers() {
        Tone loud = new Tone(500, Audio.FULL_SCALE_SINE_DBM0);
        join(loud);
        join(new Tone(1000, -4));
        join(AudioSource.SILENCE);

        run(1000);
        short[] s = heardBy(2).last(1000);
        double loudLevel = level(s, 500);
        double quietLevel = level(s, 1000);
        double gain = mixer.participants().get(2).outputGain();
        assertThat(gain).isLessThan(0.9);
        assertThat(loudLevel).isCloseTo(Audio.FULL_SCALE_SINE_DBM0 + 20 * Math.log10(gain), within(0.2));
        assertThat(loudLevel - quietLevel).isCloseTo(Audio.FULL_SCALE_SINE_DBM0 + 4, within(0.2));

        loud.set(-15);
        run(1000);
        s = heardBy(2).last(1000);
        assertThat(mixer.participants().get(2).outputGain()).isEqualTo(1.0);
        assertThat(level(s, 500)).isCloseTo(-15, within(0.2));
        assertThat(level(s, 1000)).isCloseTo(-4, within(0.2));
    }

    @Test
    @DisplayName("CALL-25 when C leaves mid-stream, A and B keep talking to each other and C's output finishes")
    void leavingMidStream() {
        Participant a = join(new Tone(500, -15));
        Participant b = join(new Tone(1000, -15));
        Participant c = join(new Tone(1500, -15));
        run(1000);

        mixer.leave(c);
        mixer.leave(c);
        run(1000);

        assertThat(mixer.participants()).containsExactly(a, b);
        assertThat(c.present()).isFalse();
        assertThat(c.output().finished()).isTrue();
        short[] heardByA = heardBy(0).last(1000);
        assertThat(level(heardByA, 1000)).isCloseTo(-15, within(0.2));
        assertThat(level(heardByA, 1500)).isLessThan(-60);
        short[] heardByB = heardBy(1).last(1000);
        assertThat(level(heardByB, 500)).isCloseTo(-15, within(0.2));
        assertThat(level(heardByB, 1500)).isLessThan(-60);
    }

    @Test
    @DisplayName("CALL-24 a party joining mid-stream is heard from the next frame and hears the others")
    void joiningMidStream() {
        join(new Tone(500, -15));
        join(new Tone(1000, -15));
        run(1000);
        assertThat(level(heardBy(0).last(1000), 2000)).isLessThan(-60);

        join(new Tone(2000, -15));
        run(20);
        short[] firstFrame = heardBy(0).last(20);
        assertThat(Goertzel.levelDbm0(firstFrame, 0, firstFrame.length, 2000)).isCloseTo(-15, within(0.2));
        run(1000);

        assertThat(level(heardBy(0).last(1000), 2000)).isCloseTo(-15, within(0.2));
        short[] newcomer = heardBy(2).last(1000);
        assertThat(level(newcomer, 500)).isCloseTo(-15, within(0.2));
        assertThat(level(newcomer, 1000)).isCloseTo(-15, within(0.2));
        assertThat(level(newcomer, 2000)).isLessThan(-60);
    }

    @Test
    @DisplayName("a party alone in the conference hears silence")
    void aloneHearsSilence() {
        join(new Tone(500, -15));
        run(100);

        assertThat(heardBy(0).last(100)).containsOnly((short) 0);
    }

    @Test
    @DisplayName("an output read on another tick neither repeats nor loses frames, and drops the oldest past 60 ms")
    void outputQueuesAFewFrames() {
        int[] count = {0};
        mixer.join(frame -> java.util.Arrays.fill(frame, (short) (++count[0] * 100)));
        AudioSource out = mixer.join(AudioSource.SILENCE).output();
        short[] frame = Audio.newFrame();

        out.read(frame);
        assertThat(frame).as("before the first mix").containsOnly((short) 0);
        for (int i = 0; i < 3; i++) {
            mixer.mix();
        }
        for (int expected = 1; expected <= 3; expected++) {
            out.read(frame);
            assertThat(frame).containsOnly((short) (expected * 100));
        }
        out.read(frame);
        assertThat(frame).as("nothing new mixed").containsOnly((short) 0);

        for (int i = 0; i < 5; i++) {
            mixer.mix();
        }
        for (int expected = 6; expected <= 8; expected++) {
            out.read(frame);
            assertThat(frame).containsOnly((short) (expected * 100));
        }
    }

    @Test
    @DisplayName("parties join and leave from another thread while the mixer ticks")
    void joinAndLeaveWhileTicking() throws Exception {
        Participant host = mixer.join(new Tone(500, -15));
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread ticker = new Thread(() -> {
            short[] frame = Audio.newFrame();
            try {
                for (int i = 0; i < 5 * FRAMES_PER_SECOND * 10; i++) {
                    mixer.mix();
                    host.output().read(frame);
                    started.countDown();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        ticker.start();
        started.await();
        List<Participant> legs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            legs.add(mixer.join(new Tone(1000 + i, -30)));
            if (i % 3 == 2) {
                mixer.leave(legs.remove(0));
            }
        }
        ticker.join();

        assertThat(failure.get()).isNull();
        assertThat(mixer.size()).isEqualTo(1 + legs.size());
        legs.forEach(mixer::leave);
        assertThat(mixer.participants()).containsExactly(host);
    }
}
