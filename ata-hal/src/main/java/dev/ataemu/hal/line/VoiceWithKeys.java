package dev.ataemu.hal.line;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * What goes up a line from a telephone or an FXO port: a voice source (silence, a tone, a recording,
 * live audio, a bridged call) with DTMF key tones mixed in, one batch of keys after the other.
 */
public final class VoiceWithKeys {

    private final Deque<AudioSource> keys = new ArrayDeque<>();
    private final short[] keyFrame = Audio.newFrame();
    private AudioSource voice = AudioSource.SILENCE;

    public synchronized void voice(AudioSource source) {
        voice = Objects.requireNonNull(source);
    }

    public synchronized void press(AudioSource keyTones) {
        keys.add(keyTones);
    }

    public synchronized boolean pressing() {
        return !keys.isEmpty();
    }

    /** Drops keys not yet sent. */
    public synchronized void clearKeys() {
        keys.clear();
    }

    public synchronized void read(short[] frame) {
        voice.read(frame);
        AudioSource current = keys.peek();
        if (current != null) {
            current.read(keyFrame);
            Audio.mixInto(frame, keyFrame);
            if (current.finished()) {
                keys.poll();
            }
        }
    }
}
