package dev.ataemu.media.jitter;

/** What the jitter buffer tells the decoder to produce next. Each covers {@code samples} at 8 kHz. */
public sealed interface Playout {

    int samples();

    /** Decode this payload. */
    record Decode(byte[] payload, int samples) implements Playout {
    }

    /** Fill in for audio that did not arrive in time (the decoder's packet-loss concealment). */
    record Conceal(int samples) implements Playout {
    }

    /** Play silence: nothing has arrived yet, or the far end is between talk spurts. */
    record Silence(int samples) implements Playout {
    }
}
