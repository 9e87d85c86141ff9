package dev.ataemu.core.line;

import dev.ataemu.media.audio.AudioSource;
import java.util.function.BooleanSupplier;

/** While a placed call is in progress: the far end's early media once it sounds, the local ring-back until then. */
final class EarlyMediaAudio implements AudioSource {

    private final AudioSource farEnd;
    private final BooleanSupplier farEndSounds;
    private final AudioSource ringBack;

    EarlyMediaAudio(AudioSource farEnd, BooleanSupplier farEndSounds, AudioSource ringBack) {
        this.farEnd = farEnd;
        this.farEndSounds = farEndSounds;
        this.ringBack = ringBack;
    }

    @Override
    public void read(short[] frame) {
        if (farEndSounds.getAsBoolean()) {
            farEnd.read(frame);
        } else {
            ringBack.read(frame);
        }
    }

    @Override
    public boolean finished() {
        return false;
    }
}
