package dev.ataemu.ivr.speech;

import dev.ataemu.media.audio.AudioSource;

/** A phrase said over and over with a pause after each time: "Device not registered" on a lifted phone. */
public final class RepeatedPhrase implements AudioSource {

    private final short[] loop;
    private int position;

    public RepeatedPhrase(PromptLibrary recordings, String language, Phrase phrase, int pauseMs) {
        int length = 0;
        for (Word word : phrase.words()) {
            length += recordings.clip(language, word).length;
        }
        loop = new short[length + pauseMs * 8];
        int at = 0;
        for (Word word : phrase.words()) {
            short[] clip = recordings.clip(language, word);
            System.arraycopy(clip, 0, loop, at, clip.length);
            at += clip.length;
        }
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = loop[position];
            position = (position + 1) % loop.length;
        }
    }
}
