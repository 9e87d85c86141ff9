package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;

/**
 * One item of a {@link PromptPlayer} sequence: a recorded clip, a pause, or any {@link AudioSource}
 * (a tone, a synthesised word). A prompt keeps its place as it plays, so it is played once.
 */
public abstract class Prompt {

    private Prompt() {
    }

    /** A clip of 8 kHz samples; clips follow each other sample-exactly, without gaps. */
    public static Prompt clip(short[] samples) {
        return new Clip(samples.clone());
    }

    /** A pause of {@code ms} milliseconds of silence. */
    public static Prompt silence(int ms) {
        return new Clip(new short[ms * Audio.SAMPLE_RATE / 1000]);
    }

    /**
     * A source played until it reports {@link AudioSource#finished()}. A source delivers whole frames,
     * so the silence it pads its last frame with is played too (under 20 ms); a source that never
     * finishes plays until the player is stopped.
     */
    public static Prompt of(AudioSource source) {
        return new Source(source);
    }

    /**
     * Copies up to {@code length} samples into {@code out} at {@code offset}; returns how many, which is
     * fewer only when the prompt has ended.
     */
    abstract int fill(short[] out, int offset, int length);

    /** Whether every sample has been played. */
    abstract boolean ended();

    private static final class Clip extends Prompt {
        private final short[] samples;
        private int position;

        Clip(short[] samples) {
            this.samples = samples;
        }

        @Override
        int fill(short[] out, int offset, int length) {
            int count = Math.min(length, samples.length - position);
            System.arraycopy(samples, position, out, offset, count);
            position += count;
            return count;
        }

        @Override
        boolean ended() {
            return position == samples.length;
        }
    }

    private static final class Source extends Prompt {
        private final AudioSource source;
        private final short[] frame = Audio.newFrame();
        /** Where the unplayed rest of {@link #frame} begins; a whole frame is read when it is used up. */
        private int position = Audio.FRAME_SAMPLES;

        Source(AudioSource source) {
            this.source = source;
        }

        @Override
        int fill(short[] out, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (position == frame.length) {
                    if (source.finished()) {
                        break;
                    }
                    source.read(frame);
                    position = 0;
                }
                int count = Math.min(length - written, frame.length - position);
                System.arraycopy(frame, position, out, offset + written, count);
                position += count;
                written += count;
            }
            return written;
        }

        @Override
        boolean ended() {
            return position == frame.length && source.finished();
        }
    }
}
