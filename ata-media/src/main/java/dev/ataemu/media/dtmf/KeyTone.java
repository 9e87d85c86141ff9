package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Fade;
import dev.ataemu.media.dsp.Oscillator;

/**
 * The tone of one key at a time, laid over a stream of audio in place of what it carried: a key the
 * far end pressed (a telephone-event or a SIP INFO) played toward the line, or a key sent in the
 * audio toward the network. A press lasts until it is released, and at least {@link #MIN_MS}, so
 * the shortest relayed press still makes a tone every detector takes.
 *
 * <p>Counted in samples, not wall time: the tone is as long as the audio that carries it.
 * Presses and releases may come from another thread than the audio.
 */
public final class KeyTone {

    /** Q.24 asks detectors to take 40 ms tones; a margin over that. */
    public static final int MIN_MS = 60;
    private static final int SAMPLES_PER_MS = Audio.SAMPLE_RATE / 1000;
    private static final long UNTIL_RELEASED = Long.MAX_VALUE;

    private final double lowDbm0;
    private final double highDbm0;
    private Oscillator low;
    private Oscillator high;
    private long played;
    private long length;
    /** Read without the lock on every frame of every stream: most frames carry no key. */
    private volatile boolean active;

    /** Tones at a telephone's usual levels ({@link DtmfSender#DEFAULT_LOW_DBM0}, high group 2 dB above). */
    public KeyTone() {
        this(DtmfSender.DEFAULT_LOW_DBM0, DtmfSender.DEFAULT_HIGH_DBM0);
    }

    public KeyTone(double lowDbm0, double highDbm0) {
        this.lowDbm0 = lowDbm0;
        this.highDbm0 = highDbm0;
    }

    /** Starts the key's tone; it lasts until {@link #release()}. */
    public synchronized void press(DtmfDigit digit) {
        start(digit, UNTIL_RELEASED);
    }

    /** Plays the key's tone for {@code ms} (at least {@link #MIN_MS}). */
    public synchronized void press(DtmfDigit digit, int ms) {
        start(digit, (long) Math.max(ms, MIN_MS) * SAMPLES_PER_MS);
    }

    /** Ends the tone, once it has lasted {@link #MIN_MS}. */
    public synchronized void release() {
        if (length == UNTIL_RELEASED) {
            length = Math.max(played + Fade.EDGE_SAMPLES, (long) MIN_MS * SAMPLES_PER_MS);
        }
    }

    public synchronized boolean playing() {
        return played < length;
    }

    /** Replaces {@code samples[0 .. count)} with the tone while one plays; false (and nothing changed) when none does. */
    public boolean overlay(short[] samples, int count) {
        return active && overlayLocked(samples, count);
    }

    private synchronized boolean overlayLocked(short[] samples, int count) {
        if (played >= length) {
            active = false;
            return false;
        }
        for (int i = 0; i < count; i++) {
            double value = 0;
            if (played < length) {
                double gain = length == UNTIL_RELEASED ? Fade.gain(played, Long.MAX_VALUE - 1) : Fade.gain(played, length);
                value = (low.next() + high.next()) * gain;
                played++;
            }
            samples[i] = Audio.clip(value);
        }
        return true;
    }

    private void start(DtmfDigit digit, long samples) {
        low = new Oscillator(digit.lowHz(), lowDbm0);
        high = new Oscillator(digit.highHz(), highDbm0);
        played = 0;
        length = samples;
        active = true;
    }
}
