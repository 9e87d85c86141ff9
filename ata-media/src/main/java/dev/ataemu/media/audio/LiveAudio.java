package dev.ataemu.media.audio;

import java.util.Arrays;

/**
 * Audio that arrives in real time from elsewhere (a microphone, a browser), kept in a short ring
 * buffer and read frame by frame; an empty buffer reads as silence, an overfull one drops the oldest.
 */
public final class LiveAudio implements AudioSource {

    private static final int CAPACITY = Audio.SAMPLE_RATE / 2;

    private final short[] ring = new short[CAPACITY];
    private long written;
    private long read;

    public synchronized void write(short[] samples, int count) {
        for (int i = 0; i < count; i++) {
            ring[(int) (written++ % CAPACITY)] = samples[i];
        }
        if (written - read > CAPACITY) {
            read = written - CAPACITY;
        }
    }

    /** How many samples wait to be read. */
    public synchronized int available() {
        return (int) (written - read);
    }

    @Override
    public synchronized void read(short[] frame) {
        int available = (int) Math.min(frame.length, written - read);
        for (int i = 0; i < available; i++) {
            frame[i] = ring[(int) (read++ % CAPACITY)];
        }
        Arrays.fill(frame, available, frame.length, (short) 0);
    }
}
