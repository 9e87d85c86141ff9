package dev.ataemu.media.audio;

/**
 * Something that produces line audio frame by frame: a tone, a prompt, a modem signal, a far end.
 * Each call fills the whole frame ({@link Audio#FRAME_SAMPLES} samples) with the next 20 ms.
 */
public interface AudioSource {

    /** A source that is always silent. */
    AudioSource SILENCE = frame -> java.util.Arrays.fill(frame, (short) 0);

    void read(short[] frame);

    /** Whether the source has nothing more to say; a finished source reads silence. */
    default boolean finished() {
        return false;
    }
}
