package dev.ataemu.hal.sim;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;

/** A far party that says back what it heard, one frame later. */
final class EchoingParty implements AudioSource {

    private final short[] last = Audio.newFrame();

    void heard(short[] frame) {
        System.arraycopy(frame, 0, last, 0, last.length);
    }

    @Override
    public void read(short[] frame) {
        System.arraycopy(last, 0, frame, 0, frame.length);
    }
}
