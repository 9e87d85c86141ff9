package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * What one participant hears, as the mixer produced it. The reader may be another thread on its own
 * 20 ms tick (a stream's pacer), so a few frames are queued: the two ticks can drift past each other
 * without a frame being lost or played twice. A reader that falls behind loses the oldest frames.
 */
final class MixedOutput implements AudioSource {

    /** 60 ms: covers the phase drift of two 20 ms ticks without adding much delay when the reader lags. */
    static final int CAPACITY_FRAMES = 3;

    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private final ArrayDeque<short[]> spare = new ArrayDeque<>();
    private boolean closed;

    /** Queues a copy of the mixer's frame. */
    synchronized void offer(short[] mixed) {
        if (closed) {
            return;
        }
        short[] frame = frames.size() == CAPACITY_FRAMES ? frames.poll() : spare.poll();
        if (frame == null) {
            frame = Audio.newFrame();
        }
        System.arraycopy(mixed, 0, frame, 0, Audio.FRAME_SAMPLES);
        frames.add(frame);
    }

    /** No more frames will come; those queued are still read. */
    synchronized void close() {
        closed = true;
    }

    /** The oldest queued frame, or silence when the mixer has not produced one yet. */
    @Override
    public synchronized void read(short[] frame) {
        short[] next = frames.poll();
        if (next == null) {
            Arrays.fill(frame, (short) 0);
            return;
        }
        System.arraycopy(next, 0, frame, 0, Audio.FRAME_SAMPLES);
        spare.add(next);
    }

    @Override
    public synchronized boolean finished() {
        return closed && frames.isEmpty();
    }
}
