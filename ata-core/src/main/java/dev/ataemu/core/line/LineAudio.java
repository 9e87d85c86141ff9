package dev.ataemu.core.line;

import dev.ataemu.hal.fxs.FxsPort;
import dev.ataemu.media.audio.AudioSource;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The audio of each call a line has, and which of it the phone hears: one call, a 3-way mix of
 * two, or none. A call on hold keeps its audio here while the phone talks elsewhere.
 */
final class LineAudio {

    /** One call's audio: what the phone should hear of it, where the phone's voice goes, how keys travel. */
    record Leg(AudioSource heard, Consumer<short[]> said, boolean keyTonesInAudio) {
    }

    private final Map<LineCall, Leg> legs = new IdentityHashMap<>();
    private FxsPort port;

    void attach(FxsPort fxsPort) {
        port = fxsPort;
    }

    void put(LineCall call, Leg leg) {
        legs.put(call, leg);
    }

    void remove(LineCall call) {
        legs.remove(call);
    }

    boolean has(LineCall call) {
        return legs.containsKey(call);
    }

    /** The phone hears and speaks in {@code call} alone; nothing when it has no audio yet. */
    void talkTo(LineCall call) {
        Leg leg = legs.get(call);
        if (leg == null) {
            disconnect();
            return;
        }
        port.play(leg.heard());
        port.upstream(leg.said());
        port.silenceKeyTones(!leg.keyTonesInAudio());
        port.holdKeys(false);
    }

    /** The phone and two calls hear each other (the 3-way conference, mixed here). */
    void conference(LineCall first, LineCall second) {
        Leg one = legs.get(first);
        Leg two = legs.get(second);
        if (one == null || two == null) {
            talkTo(one == null ? second : first);
            return;
        }
        ThreeWayMix mix = new ThreeWayMix(one, two);
        port.play(mix);
        port.upstream(mix::fromPhone);
        port.silenceKeyTones(true);
        port.holdKeys(false);
    }

    /** The phone's voice goes nowhere; what it hears is the caller's to set. */
    void disconnect() {
        port.upstream(frame -> { });
        port.silenceKeyTones(false);
        port.holdKeys(true);
    }
}
