package dev.ataemu.hal.sim;

import dev.ataemu.media.audio.Audio;

/** Keeps the last 60 seconds of what a telephone's earpiece heard, frame by frame. */
public final class Earpiece {

    public static final int KEEP_MS = 60_000;
    private static final int CAPACITY = KEEP_MS * Audio.SAMPLE_RATE / 1000;

    private final short[] ring = new short[CAPACITY];
    private final java.util.List<java.util.function.Consumer<short[]>> taps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long written;

    void hear(short[] frame) {
        synchronized (this) {
            for (short sample : frame) {
                ring[(int) (written++ % CAPACITY)] = sample;
            }
        }
        taps.forEach(tap -> tap.accept(frame));
    }

    /** Hears each frame as it arrives (a loudspeaker, a browser panel); running the result stops it. */
    public Runnable tap(java.util.function.Consumer<short[]> listener) {
        taps.add(listener);
        return () -> taps.remove(listener);
    }

    /** The last {@code ms} milliseconds heard (less when less was heard), oldest sample first. */
    public synchronized short[] last(int ms) {
        int wanted = (int) Math.min(Math.min((long) ms * Audio.SAMPLE_RATE / 1000, CAPACITY), written);
        short[] out = new short[wanted];
        long start = written - wanted;
        for (int i = 0; i < wanted; i++) {
            out[i] = ring[(int) ((start + i) % CAPACITY)];
        }
        return out;
    }

    public synchronized void clear() {
        written = 0;
    }
}
