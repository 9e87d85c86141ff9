package dev.ataemu.ivr.speech;

import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.mix.Prompt;
import dev.ataemu.media.mix.PromptPlayer;
import dev.ataemu.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The menu's voice on one line: says a phrase, word after word with a short pause, and runs what
 * follows it on the device's scheduler once the last word has been heard. A key cuts it short
 * ({@link #stop}), and then what would have followed does not run.
 */
public final class Speaker {

    /** The pause between two words, about what a person leaves between the digits of a number. */
    private static final int GAP_MS = 120;

    private final PromptLibrary recordings;
    private final String language;
    private final Scheduler scheduler;
    private final Consumer<Phrase> spoken;
    private final PromptPlayer player = new PromptPlayer();
    /** Counts what was said or stopped, so that the end of a phrase cut short does nothing. */
    private long said;

    public Speaker(PromptLibrary recordings, String language, Scheduler scheduler, Consumer<Phrase> spoken) {
        this.recordings = recordings;
        this.language = language;
        this.scheduler = scheduler;
        this.spoken = spoken;
    }

    /** What to play into the earpiece: the words, and silence between phrases. */
    public AudioSource audio() {
        return player;
    }

    /** Says {@code phrase} in place of whatever was being said; then runs {@code after}. */
    public void say(Phrase phrase, Runnable after) {
        stop();
        long mine = said;
        List<Prompt> prompts = new ArrayList<>();
        for (Word word : phrase.words()) {
            if (!prompts.isEmpty()) {
                prompts.add(Prompt.silence(GAP_MS));
            }
            prompts.add(Prompt.clip(recordings.clip(language, word)));
        }
        spoken.accept(phrase);
        player.play(prompts, () -> scheduler.execute(() -> {
            if (said == mine) {
                after.run();
            }
        }));
    }

    public void stop() {
        said++;
        player.stop();
    }
}
