package dev.ataemu.media.codec.cn;

import dev.ataemu.media.audio.Audio;

/**
 * An energy voice-activity detector for the "VAD" setting (P50): a frame is speech when it stands a
 * margin above the tracked noise floor and above an absolute floor, and speech is held for a
 * hangover after the last loud frame so word endings and short pauses are not clipped into comfort
 * noise.
 */
public final class VoiceActivityDetector {

    public static final double DEFAULT_MARGIN_DB = 9;
    public static final int DEFAULT_HANGOVER_FRAMES = 10;
    /** Frames quieter than this are never speech. */
    public static final double ABSOLUTE_THRESHOLD_DBM0 = -55;

    /** Where the floor starts: low, so a call that opens with noise is sent as audio until it is learnt. */
    private static final double INITIAL_FLOOR_DBM0 = -65;
    private static final double SILENT_DBM0 = -100;
    /**
     * The floor creeps up this much per frame whatever is heard, so a lasting rise in background noise
     * is learnt (about 5 dB a second) while speech, with its pauses, keeps pulling it back down.
     */
    private static final double RISE_DB_PER_FRAME = 0.1;
    /** Quieter frames pull the floor down fast: one pause in speech is enough. */
    private static final double FALL_WEIGHT = 0.5;

    private final double marginDb;
    private final int hangoverFrames;
    private double floorDbm0 = INITIAL_FLOOR_DBM0;
    private int hangoverLeft;

    public VoiceActivityDetector() {
        this(DEFAULT_MARGIN_DB, DEFAULT_HANGOVER_FRAMES);
    }

    public VoiceActivityDetector(double marginDb, int hangoverFrames) {
        this.marginDb = marginDb;
        this.hangoverFrames = hangoverFrames;
    }

    /** Whether this frame should go out as speech rather than comfort noise. */
    public boolean voiced(short[] frame) {
        double rms = Audio.rms(frame, 0, frame.length);
        double level = rms > 0 ? Math.max(SILENT_DBM0, Audio.dbm0OfRms(rms)) : SILENT_DBM0;
        boolean loud = level > Math.max(floorDbm0 + marginDb, ABSOLUTE_THRESHOLD_DBM0);
        if (level < floorDbm0) {
            floorDbm0 += FALL_WEIGHT * (level - floorDbm0);
        } else {
            floorDbm0 = Math.min(level, floorDbm0 + RISE_DB_PER_FRAME);
        }
        if (loud) {
            hangoverLeft = hangoverFrames;
            return true;
        }
        if (hangoverLeft > 0) {
            hangoverLeft--;
            return true;
        }
        return false;
    }

    /** The background-noise level learnt so far, dBm0. */
    public double noiseFloorDbm0() {
        return floorDbm0;
    }
}
