package dev.ataemu.media.mix;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ATA's local conference bridge (the Bellcore 3-way call: the analog line and two remote legs,
 * CALL-24), for any number of participants. Every {@link #mix()} (once per 20 ms) reads one frame
 * from each participant's input and gives each participant the sum of all the others, so nobody
 * hears their own voice back. Each output has its own {@link Limiter}, because each hears a
 * different sum: a loud leg is scaled down where it overflows, never wrapped round.
 *
 * <p>One thread ticks {@link #mix()}; others may {@link #join} and {@link #leave} at any time. A
 * join takes effect from the next mix that begins after it; a participant leaving during a mix may
 * still be heard in that one frame.
 */
public final class ConferenceMixer {

    private final List<Participant> participants = new CopyOnWriteArrayList<>();
    private final Object mixing = new Object();
    private final int[] total = new int[Audio.FRAME_SAMPLES];
    private final int[] others = new int[Audio.FRAME_SAMPLES];
    private final short[] scratch = Audio.newFrame();

    /** Adds a participant whose voice is {@code input}; read what it hears from {@link Participant#output()}. */
    public Participant join(AudioSource input) {
        Participant participant = new Participant(input);
        participants.add(participant);
        return participant;
    }

    /**
     * Takes the participant out: its input is read no more, the others stop hearing it, and its output
     * finishes after the frames already mixed for it. Leaving twice does nothing (both ends of a call
     * may hang up at once).
     */
    public void leave(Participant participant) {
        if (participants.remove(participant)) {
            participant.leave();
        }
    }

    /** The participants now in the conference, in the order they joined. */
    public List<Participant> participants() {
        return List.copyOf(participants);
    }

    public int size() {
        return participants.size();
    }

    /** Mixes one 20 ms frame for every participant. */
    public void mix() {
        synchronized (mixing) {
            // A snapshot: joins and leaves from other threads do not disturb this frame.
            Object[] now = participants.toArray();
            Arrays.fill(total, 0);
            for (Object each : now) {
                Participant participant = (Participant) each;
                participant.readInput();
                for (int i = 0; i < total.length; i++) {
                    total[i] += participant.frame[i];
                }
            }
            for (Object each : now) {
                Participant participant = (Participant) each;
                // Subtracting one's own input from the exact integer total is the same as summing the
                // others, in one pass per participant instead of N.
                for (int i = 0; i < others.length; i++) {
                    others[i] = total[i] - participant.frame[i];
                }
                participant.deliver(others, scratch);
            }
        }
    }
}
