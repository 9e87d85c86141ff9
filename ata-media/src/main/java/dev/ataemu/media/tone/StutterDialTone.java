package dev.ataemu.media.tone;

import dev.ataemu.media.audio.AudioSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The message-waiting stutter dial tone. The templates have no P-value for it, so it is built the
 * common North American way from the dial tone itself: the dial tone's frequencies interrupted
 * 100 ms on / 100 ms off a number of times (10 by default), then the dial tone as configured.
 */
public final class StutterDialTone implements AudioSource {

    public static final int DEFAULT_INTERRUPTIONS = 10;
    public static final int BURST_MS = 100;

    private final ToneGenerator stutter;
    private final ToneGenerator dial;

    /** The stutter tone over {@code dialTone} (normally P4000) with the default 10 interruptions. */
    public StutterDialTone(ToneSpec dialTone) {
        this(dialTone, DEFAULT_INTERRUPTIONS);
    }

    public StutterDialTone(ToneSpec dialTone, int interruptions) {
        if (interruptions < 1) {
            throw new IllegalArgumentException("interruptions must be at least 1: " + interruptions);
        }
        List<ToneSpec.CadenceStep> cadence = new ArrayList<>();
        for (int i = 0; i < interruptions; i++) {
            cadence.add(new ToneSpec.CadenceStep(BURST_MS, BURST_MS));
        }
        cadence.add(new ToneSpec.CadenceStep(0, 0));
        this.stutter = new ToneGenerator(new ToneSpec(dialTone.frequencies(), cadence));
        this.dial = new ToneGenerator(dialTone);
    }

    @Override
    public void read(short[] frame) {
        // 100 ms bursts are whole frames, so the switch to steady tone falls on a frame boundary.
        if (stutter.finished()) {
            dial.read(frame);
        } else {
            stutter.read(frame);
        }
    }

    @Override
    public boolean finished() {
        return dial.finished();
    }
}
