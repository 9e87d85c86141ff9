package dev.ataemu.hal.sim;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/** What a telephone sends: a voice source (silence, a tone, a recording, live audio) plus the keys pressed. */
final class Mouthpiece {

    private final Deque<AudioSource> keys = new ArrayDeque<>();
    private final short[] keyFrame = Audio.newFrame();
    private AudioSource voice = AudioSource.SILENCE;

    synchronized void voice(AudioSource source) {
        voice = Objects.requireNonNull(source);
    }

    synchronized void press(AudioSource keyTones) {
        keys.add(keyTones);
    }

    synchronized boolean pressing() {
        return !keys.isEmpty();
    }

    synchronized void read(short[] frame) {
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
