package dev.ataemu.media.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dsp.Goertzel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    private static final int MS = 8;

    static short[] render(AudioSource source, int ms) {
        short[] out = new short[ms * MS];
        short[] frame = Audio.newFrame();
        for (int at = 0; at < out.length; at += frame.length) {
            source.read(frame);
            System.arraycopy(frame, 0, out, at, frame.length);
        }
        return out;
    }

    /** Asserts the tone is on in [fromMs, toMs): the last sample before is silent, every millisecond inside is not. */
    static void assertOn(short[] s, int fromMs, int toMs) {
        if (fromMs > 0) {
            assertThat(s[fromMs * MS - 1]).as("sample before %d ms", fromMs).isZero();
        }
        for (int ms = fromMs; ms < toMs; ms++) {
            assertThat(Audio.rms(s, ms * MS, MS)).as("1 ms at %d ms", ms).isGreaterThan(0);
        }
    }

    /** Asserts every sample in [fromMs, toMs) is exactly silent. */
    static void assertOff(short[] s, int fromMs, int toMs) {
        for (int n = fromMs * MS; n < toMs * MS; n++) {
            assertThat(s[n]).as("sample %d (%d ms)", n, n / MS).isZero();
        }
    }

    @Test
    @DisplayName("HW-39 the default dial tone plays 350 and 440 Hz at -13 dBm0 each and nothing else")
    void playsTheDefaultDialTone() {
        short[] s = render(new ToneGenerator(ToneSpec.parse("f1=350@-13,f2=440@-13,c=0/0;")), 2000);

        assertThat(Goertzel.levelDbm0(s, 8000, 8000, 350)).isCloseTo(-13, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 8000, 8000, 440)).isCloseTo(-13, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 8000, 8000, 1000)).isLessThan(-60);
        assertThat(Audio.dbm0OfRms(Audio.rms(s, 8000, 8000))).isCloseTo(-10, within(0.1));
    }

    @Test
    @DisplayName("HW-39 each frequency plays at its own level; a tone without cadence is continuous")
    void playsEachFrequencyAtItsOwnLevel() {
        short[] s = render(new ToneGenerator(ToneSpec.parse("f1=400@-20,f2=1020@-6,f3=2000@-35")), 1000);

        assertThat(Goertzel.levelDbm0(s, 800, 4000, 400)).isCloseTo(-20, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 800, 4000, 1020)).isCloseTo(-6, within(0.5));
        assertThat(Goertzel.levelDbm0(s, 800, 4000, 2000)).isCloseTo(-35, within(0.5));
        assertOn(s, 0, 1000);
    }

    @Test
    @DisplayName("HW-39 a busy cadence switches on and off at exact sample counts, cycle after cycle")
    void followsTheCadenceToTheSample() {
        short[] s = render(new ToneGenerator(ToneSpec.parse("f1=480@-24,f2=620@-24,c=500/500;")), 4000);

        for (int cycle = 0; cycle < 4; cycle++) {
            int start = cycle * 1000;
            assertOn(s, start, start + 500);
            assertOff(s, start + 500, start + 1000);
            assertThat(Goertzel.levelDbm0(s, (start + 100) * MS, 300 * MS, 480)).isCloseTo(-24, within(0.5));
            assertThat(Goertzel.levelDbm0(s, (start + 100) * MS, 300 * MS, 620)).isCloseTo(-24, within(0.5));
        }
    }

    @Test
    @DisplayName("HW-39 the steps of a multi-step cadence play in order and the list repeats")
    void playsMultiStepCadencesInOrder() {
        short[] s = render(new ToneGenerator(ToneSpec.parse("f1=440@-10,c=100/100-200/300-60/40;")), 1600);

        for (int start = 0; start < 1600; start += 800) {
            assertOn(s, start, start + 100);
            assertOff(s, start + 100, start + 200);
            assertOn(s, start + 200, start + 400);
            assertOff(s, start + 400, start + 700);
            assertOn(s, start + 700, start + 760);
            assertOff(s, start + 760, start + 800);
        }
    }

    @Test
    @DisplayName("HW-39 a 0/0 step after others ends the cadence: two bursts, then silence for good")
    void stopsAtATerminatingStep() {
        ToneGenerator tone = new ToneGenerator(ToneSpec.parse("f1=440@-13,c=300/10000-300/10000-0/0;"));
        short[] s = render(tone, 20600);

        assertOn(s, 0, 300);
        assertOff(s, 300, 10300);
        assertOn(s, 10300, 10600);
        assertOff(s, 10600, 20600);
        assertThat(tone.finished()).isTrue();
        assertThat(render(tone, 1000)).containsOnly((short) 0);
    }

    @Test
    void isNotFinishedBeforeTheLastStepEnds() {
        ToneGenerator tone = new ToneGenerator(ToneSpec.parse("f1=440@-13,c=100/100-0/0;"));
        render(tone, 180);
        assertThat(tone.finished()).isFalse();
        render(tone, 20);
        assertThat(tone.finished()).isTrue();
    }

    @Test
    void aRingCadenceWithoutFrequenciesIsSilentAndNeverEnds() {
        ToneGenerator ring = new ToneGenerator(ToneSpec.parse("c=2000/4000;"));

        assertThat(render(ring, 12000)).containsOnly((short) 0);
        assertThat(ring.finished()).isFalse();
    }

    @Test
    void staysInPhaseAcrossFramesAndSoftensItsEdges() {
        double amplitude = Audio.sineAmplitude(-3);
        short[] steady = render(new ToneGenerator(ToneSpec.parse("f1=1000@-3")), 200);
        for (int n = 80; n < steady.length; n++) {
            double ideal = amplitude * Math.sin(2 * Math.PI * 1000 * n / Audio.SAMPLE_RATE);
            assertThat((double) steady[n]).as("sample %d", n).isCloseTo(ideal, within(1.0));
        }
        short[] bursts = render(new ToneGenerator(ToneSpec.parse("f1=1000@-3,c=30/20;")), 500);
        double steepestSineStep = amplitude * 2 * Math.PI * 1000 / Audio.SAMPLE_RATE;
        for (int n = 1; n < bursts.length; n++) {
            assertThat((double) Math.abs(bursts[n] - bursts[n - 1])).as("step at %d", n).isLessThanOrEqualTo(steepestSineStep + 1);
        }
    }
}
