package dev.ataemu.media.mix;

import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plays prompts into a stream (the line, an RTP leg, a conference input): the sequences given to
 * {@link #play} one after another, then silence. When the last sample of a sequence has been read,
 * its callback runs on the reading thread, outside the player's lock, so it may queue the next
 * prompt (the voice menu's "enter the password" after the greeting).
 */
public final class PromptPlayer implements AudioSource {

    private final ArrayDeque<Sequence> queue = new ArrayDeque<>();

    /** Queues {@code prompts}, played after any sequence still playing; then runs {@code onComplete}. */
    public synchronized void play(List<Prompt> prompts, Runnable onComplete) {
        queue.add(new Sequence(new ArrayDeque<>(prompts), onComplete));
    }

    /** Queues one prompt; then runs {@code onComplete}. */
    public void play(Prompt prompt, Runnable onComplete) {
        play(List.of(prompt), onComplete);
    }

    /**
     * Drops whatever is playing or queued, without running the callbacks: the caller stops a prompt
     * because something else happened (the user pressed a key), and already knows.
     */
    public synchronized void stop() {
        queue.clear();
    }

    /** Whether anything is playing or queued. */
    public synchronized boolean playing() {
        return !queue.isEmpty();
    }

    @Override
    public void read(short[] frame) {
        List<Runnable> completed = new ArrayList<>(1);
        synchronized (this) {
            int at = 0;
            while (at < frame.length && !queue.isEmpty()) {
                Sequence current = queue.peek();
                at += current.fill(frame, at, frame.length - at);
                if (current.done()) {
                    queue.poll();
                    completed.add(current.onComplete);
                }
            }
            Arrays.fill(frame, at, frame.length, (short) 0);
        }
        completed.forEach(Runnable::run);
    }

    /** Nothing left to play; the player reads silence (until more is queued). */
    @Override
    public synchronized boolean finished() {
        return queue.isEmpty();
    }

    /** Prompts played back to back, and what to do after the last. */
    private static final class Sequence {
        private final ArrayDeque<Prompt> prompts;
        private final Runnable onComplete;

        Sequence(ArrayDeque<Prompt> prompts, Runnable onComplete) {
            this.prompts = prompts;
            this.onComplete = onComplete;
        }

        int fill(short[] out, int offset, int length) {
            int written = 0;
            while (written < length && !prompts.isEmpty()) {
                Prompt prompt = prompts.peek();
                written += prompt.fill(out, offset + written, length - written);
                // Checked after every fill, so a prompt that ends exactly on a frame's last sample
                // completes its sequence in that frame rather than one frame later.
                if (prompt.ended()) {
                    prompts.poll();
                }
            }
            return written;
        }

        boolean done() {
            return prompts.isEmpty();
        }
    }
}
