package dev.ataemu.hal.sim;

import dev.ataemu.media.audio.Audio;

/**
 * Keeps the last 60 seconds of what a telephone's earpiece heard, frame by frame. The memory comes
 * one second at a time as sound arrives, so the many idle phones of a fleet hold none.
 */
public final class Earpiece {

    public static final int KEEP_MS = 60_000;
    private static final int BLOCK = Audio.SAMPLE_RATE;
    private static final int CAPACITY = KEEP_MS * Audio.SAMPLE_RATE / 1000;

    private final short[][] blocks = new short[CAPACITY / BLOCK][];
    private final java.util.List<java.util.function.Consumer<short[]>> taps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long written;

    void hear(short[] frame) {
        synchronized (this) {
            for (short sample : frame) {
                int at = (int) (written++ % CAPACITY);
                short[] block = blocks[at / BLOCK];
                if (block == null) {
                    block = new short[BLOCK];
                    blocks[at / BLOCK] = block;
                }
                block[at % BLOCK] = sample;
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
            int at = (int) ((start + i) % CAPACITY);
            out[i] = blocks[at / BLOCK][at % BLOCK];
        }
        return out;
    }

    /** Forgets what was heard and gives its memory back. */
    public synchronized void clear() {
        written = 0;
        java.util.Arrays.fill(blocks, null);
    }
}
