package dev.ataemu.hal.fxo;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.tone.ToneSpec;

/**
 * Recognises the PSTN disconnect (busy) tone of P841 on the line: its frequencies must carry most
 * of the energy while on, and two on/off periods must match its cadence within a quarter.
 */
final class DisconnectToneDetector {

    private static final double MIN_LEVEL_DBM0 = -45;
    private static final double TOLERANCE = 0.25;
    private static final int CYCLES_NEEDED = 2;

    private final ToneSpec tone;
    private boolean on;
    private int runMs;
    private int cycles;

    DisconnectToneDetector(ToneSpec tone) {
        this.tone = tone;
    }

    /** Feeds one frame; true once the tone has been heard for long enough. */
    boolean heard(short[] frame) {
        boolean present = present(frame);
        if (present == on) {
            runMs += Audio.FRAME_MS;
            return false;
        }
        boolean matched = on ? near(runMs, onMs()) : near(runMs, offMs());
        if (!matched) {
            cycles = 0;
        } else if (!on) {
            cycles++;
        }
        on = present;
        runMs = Audio.FRAME_MS;
        return cycles >= CYCLES_NEEDED;
    }

    private boolean present(short[] frame) {
        if (tone.frequencies().isEmpty()) {
            return false;
        }
        double total = Audio.rms(frame, 0, frame.length);
        if (total == 0 || Audio.dbm0OfRms(total) < MIN_LEVEL_DBM0) {
            return false;
        }
        double tonePower = 0;
        for (ToneSpec.Frequency f : tone.frequencies()) {
            double amplitude = Goertzel.amplitude(frame, 0, frame.length, f.hz());
            tonePower += amplitude * amplitude / 2;
        }
        return tonePower > 0.6 * total * total;
    }

    private int onMs() {
        return tone.cadence().isEmpty() ? 0 : tone.cadence().get(0).onMs();
    }

    private int offMs() {
        return tone.cadence().isEmpty() ? 0 : tone.cadence().get(0).offMs();
    }

    private static boolean near(int measured, int wanted) {
        return wanted > 0 && Math.abs(measured - wanted) <= Math.max(Audio.FRAME_MS * 2, wanted * TOLERANCE);
    }
}
