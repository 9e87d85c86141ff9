package dev.ataemu.media.audio;

/** One source for a number of frames, then another: a confirmation tone followed by dial tone, say. */
public final class ThenSource implements AudioSource {

    private final AudioSource first;
    private final AudioSource then;
    private int framesLeft;

    /** Plays {@code first} for {@code millis} (in whole 20 ms frames), then {@code then}. */
    public ThenSource(AudioSource first, int millis, AudioSource then) {
        this.first = first;
        this.then = then;
        this.framesLeft = Math.max(0, millis / 20);
    }

    @Override
    public void read(short[] frame) {
        if (framesLeft > 0) {
            framesLeft--;
            first.read(frame);
        } else {
            then.read(frame);
        }
    }

    @Override
    public boolean finished() {
        return framesLeft == 0 && then.finished();
    }
}
