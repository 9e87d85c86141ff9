package dev.ataemu.hal.fxs;

import dev.ataemu.hal.port.HookState;

/**
 * Whatever is plugged into an FXS jack: the simulated handset, the browser panel, a sound card.
 * The port drives the line (ringing voltage, polarity, loop current, audio toward the phone);
 * the telephone answers with its hook switch and its mouthpiece audio.
 */
public interface Telephone {

    /** Connects the telephone to a jack; from now on it reports its hook switch there. */
    void plugInto(Jack jack);

    /** The next 20 ms of audio on the line toward the telephone (heard in the earpiece when off hook). */
    void lineAudio(short[] frame);

    /** Fills the next 20 ms the telephone sends toward the port: silence when on hook. */
    void mouthpiece(short[] frame);

    /** Ringing voltage on or off. */
    void ringing(boolean on);

    /** Line polarity: normal or reversed. */
    void polarity(boolean reversed);

    /** Loop current present (normal) or interrupted (a disconnect signal). */
    void loopCurrent(boolean present);

    /** The telephone's side of the jack. */
    interface Jack {
        void hook(HookState state);
    }
}
