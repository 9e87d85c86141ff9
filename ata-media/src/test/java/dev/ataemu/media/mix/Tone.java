package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dsp.Oscillator;

/** A steady sine for the mixer's inputs; {@link #set} changes its level mid-stream. */
final class Tone implements AudioSource {

    private final double hz;
    private Oscillator oscillator;

    Tone(double hz, double dbm0) {
        this.hz = hz;
        set(dbm0);
    }

    /** Starts over at {@code dbm0} (phase zero). */
    void set(double dbm0) {
        oscillator = new Oscillator(hz, dbm0);
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = Audio.clip(oscillator.next());
        }
    }
}
