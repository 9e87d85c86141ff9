package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;

/**
 * Keeps the last few seconds of one leg's audio, as a handset's earpiece would have heard it, so a
 * test can ask afterwards what was said. Frames are recorded by {@link #record} or by reading
 * through {@link #tap}; one thread records while another asks.
 */
public final class LegRecorder {

    private final short[] ring;
    private long written;

    /** A recorder that keeps the last {@code seconds} seconds. */
    public LegRecorder(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("a recorder keeps at least one second, not " + seconds);
        }
        ring = new short[seconds * Audio.SAMPLE_RATE];
    }

    /** Records the samples, oldest first. */
    public synchronized void record(short[] samples) {
        for (short sample : samples) {
            ring[(int) (written++ % ring.length)] = sample;
        }
    }

    /** A source that reads {@code leg} and records each frame on the way through. */
    public AudioSource tap(AudioSource leg) {
        return new AudioSource() {
            @Override
            public void read(short[] frame) {
                leg.read(frame);
                record(frame);
            }

            @Override
            public boolean finished() {
                return leg.finished();
            }
        };
    }

    /**
     * The last {@code ms} milliseconds, oldest sample first; shorter when less has been recorded since
     * the start or the last {@link #clear()}.
     */
    public synchronized short[] last(int ms) {
        long asked = (long) ms * Audio.SAMPLE_RATE / 1000;
        if (ms < 0 || asked > ring.length) {
            throw new IllegalArgumentException("this recorder keeps " + ring.length / Audio.SAMPLE_RATE
                    + " s, not " + ms + " ms");
        }
        int wanted = (int) Math.min(asked, written);
        short[] out = new short[wanted];
        long start = written - wanted;
        for (int i = 0; i < wanted; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return out;
    }

    /** How many samples have been recorded since the start or the last {@link #clear()}. */
    public synchronized long recordedSamples() {
        return written;
    }

    public synchronized void clear() {
        written = 0;
    }
}
