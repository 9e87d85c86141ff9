package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;

/**
 * One party of a {@link ConferenceMixer}: the line, or a remote leg. The mixer reads its
 * {@link #input()} once per {@link ConferenceMixer#mix()} and queues on its {@link #output()} the
 * sum of everybody else.
 */
public final class Participant {

    private final AudioSource input;
    private final MixedOutput output = new MixedOutput();
    private final Limiter limiter = new Limiter();
    /** The input's frame of the current mix; touched only by the mixing thread. */
    final short[] frame = Audio.newFrame();
    private volatile boolean present = true;

    Participant(AudioSource input) {
        this.input = input;
    }

    public AudioSource input() {
        return input;
    }

    /**
     * What this participant hears: the other participants' inputs summed, never its own. It reads
     * silence until the first mix, and reports {@link AudioSource#finished()} once the participant has
     * left and its last frames have been read.
     */
    public AudioSource output() {
        return output;
    }

    /** Whether it is still in the conference (it has not left). */
    public boolean present() {
        return present;
    }

    /** The limiter's gain on this participant's output: 1 unless the others were too loud together. */
    public double outputGain() {
        return limiter.gain();
    }

    void readInput() {
        input.read(frame);
    }

    void deliver(int[] sum, short[] scratch) {
        limiter.process(sum, Audio.FRAME_SAMPLES, scratch);
        output.offer(scratch);
    }

    void leave() {
        present = false;
        output.close();
    }
}
