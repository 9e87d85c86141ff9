package dev.ataemu.hal.sim;

/**
 * The echo a telephone and its line send back: what the phone heard, late by the round trip and
 * weaker by the return loss, added to what its mouthpiece says (a hybrid that does not quite
 * match the line). None until set.
 */
final class LineEcho {

    private double gain;
    private int delaySamples;
    private short[] heard = new short[0];
    private int written;

    /** {@code returnLossDb} below what was heard, {@code delayMs} late; a return loss of 0 or less turns it off. */
    synchronized void set(double returnLossDb, int delayMs) {
        if (delayMs < 0 || delayMs > 1000) {
            throw new IllegalArgumentException("echo delay " + delayMs + " ms is outside 0-1000 ms");
        }
        gain = returnLossDb <= 0 ? 0 : Math.pow(10, -returnLossDb / 20);
        delaySamples = delayMs * 8;
        heard = new short[delaySamples + 8000];
        written = 0;
    }

    synchronized boolean on() {
        return gain > 0;
    }

    /** A frame the earpiece heard. */
    synchronized void heard(short[] frame) {
        if (gain == 0) {
            return;
        }
        for (short sample : frame) {
            heard[written % heard.length] = sample;
            written++;
        }
    }

    /** Adds the echo to the frame the mouthpiece is sending, which lines up with the last frame heard. */
    synchronized void addTo(short[] frame) {
        if (gain == 0) {
            return;
        }
        int start = written - frame.length;
        for (int i = 0; i < frame.length; i++) {
            int at = start + i - delaySamples;
            if (at >= 0) {
                frame[i] = dev.ataemu.media.audio.Audio.clip(frame[i] + heard[at % heard.length] * gain);
            }
        }
    }
}
