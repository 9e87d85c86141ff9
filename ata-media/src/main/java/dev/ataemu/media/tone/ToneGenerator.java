package dev.ataemu.media.tone;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dsp.Fade;
import dev.ataemu.media.dsp.Oscillator;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a {@link ToneSpec}: every frequency at its own level, switched on and off by the cadence with
 * sample-exact edges. The cadence repeats forever unless a {@code 0/0} step after the first ends it;
 * then the generator reads silence and is {@link #finished()}. No cadence, a lone {@code 0/0} or steps
 * without off-time give a continuous tone. A spec without frequencies (a ring cadence) reads silence.
 */
public final class ToneGenerator implements AudioSource {

    private static final int SAMPLES_PER_MS = Audio.SAMPLE_RATE / 1000;

    private final List<Oscillator> oscillators = new ArrayList<>();
    private final List<ToneSpec.CadenceStep> steps = new ArrayList<>();
    private final boolean ends;
    private final boolean continuous;
    private int step;
    private long position;
    private boolean finished;

    public ToneGenerator(ToneSpec spec) {
        for (ToneSpec.Frequency frequency : spec.frequencies()) {
            oscillators.add(new Oscillator(frequency.hz(), frequency.dbm()));
        }
        boolean terminated = false;
        for (ToneSpec.CadenceStep s : spec.cadence()) {
            if (s.onMs() == 0 && s.offMs() == 0 && spec.cadence().size() > 1) {
                terminated = true;
                break;
            }
            steps.add(s);
        }
        this.ends = terminated;
        this.continuous = !terminated && steps.stream().allMatch(s -> s.offMs() == 0);
        this.finished = terminated && steps.isEmpty();
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = Audio.clip(next());
        }
    }

    @Override
    public boolean finished() {
        return finished;
    }

    private double next() {
        if (finished) {
            return 0;
        }
        double gain = continuous ? Fade.gain(position++, Long.MAX_VALUE) : cadenceGain();
        double sum = 0;
        for (Oscillator oscillator : oscillators) {
            sum += oscillator.next();
        }
        return sum * gain;
    }

    private double cadenceGain() {
        ToneSpec.CadenceStep current = steps.get(step);
        long on = (long) current.onMs() * SAMPLES_PER_MS;
        double gain = Fade.gain(position, on);
        position++;
        if (position >= on + (long) current.offMs() * SAMPLES_PER_MS) {
            position = 0;
            step++;
            if (step == steps.size()) {
                step = 0;
                finished = ends;
            }
        }
        return gain;
    }
}
