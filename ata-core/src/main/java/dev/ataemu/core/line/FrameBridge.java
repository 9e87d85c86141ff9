package dev.ataemu.core.line;

import dev.ataemu.media.audio.AudioSource;
import java.util.Arrays;

/**
 * Carries audio from one port to another: one port's sink writes a frame, the other port's source
 * reads it. The ports tick on their own clocks, so the last frame is kept and a missed one is silence.
 */
final class FrameBridge implements AudioSource {

    private final short[] frame = new short[dev.ataemu.media.audio.Audio.FRAME_SAMPLES];
    private boolean fresh;

    synchronized void write(short[] samples) {
        System.arraycopy(samples, 0, frame, 0, frame.length);
        fresh = true;
    }

    @Override
    public synchronized void read(short[] out) {
        if (fresh) {
            System.arraycopy(frame, 0, out, 0, out.length);
            fresh = false;
        } else {
            Arrays.fill(out, (short) 0);
        }
    }
}
