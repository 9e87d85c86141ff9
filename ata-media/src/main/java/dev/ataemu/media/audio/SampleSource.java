package dev.ataemu.media.audio;

/** Plays recorded samples once (or over and over), then silence. */
public final class SampleSource implements AudioSource {

    private final short[] samples;
    private final boolean loop;
    private int position;

    public SampleSource(short[] samples, boolean loop) {
        this.samples = samples.clone();
        this.loop = loop && samples.length > 0;
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            if (position == samples.length) {
                if (!loop) {
                    java.util.Arrays.fill(frame, i, frame.length, (short) 0);
                    return;
                }
                position = 0;
            }
            frame[i] = samples[position++];
        }
    }

    @Override
    public boolean finished() {
        return !loop && position == samples.length;
    }
}
