package dev.ataemu.media.audio;

/**
 * The analog line's audio format, as on the real device: 8 kHz, 16-bit signed linear PCM, handled
 * in 20 ms frames of 160 samples. Levels are in dBm0, where a full-scale sine is +3.14 dBm0 (G.711).
 */
public final class Audio {

    public static final int SAMPLE_RATE = 8000;
    public static final int FRAME_MS = 20;
    public static final int FRAME_SAMPLES = SAMPLE_RATE * FRAME_MS / 1000;

    /** The level of a full-scale sine wave in dBm0 (the G.711 digital milliwatt reference). */
    public static final double FULL_SCALE_SINE_DBM0 = 3.14;
    private static final double FULL_SCALE = 32767.0;

    private Audio() {
    }

    public static short[] newFrame() {
        return new short[FRAME_SAMPLES];
    }

    /** The peak amplitude of a sine wave at {@code dbm0}. */
    public static double sineAmplitude(double dbm0) {
        return FULL_SCALE * Math.pow(10, (dbm0 - FULL_SCALE_SINE_DBM0) / 20);
    }

    /** The level in dBm0 of a signal with this RMS value (a sine of amplitude A has RMS A/sqrt 2). */
    public static double dbm0OfRms(double rms) {
        return FULL_SCALE_SINE_DBM0 + 20 * Math.log10(rms / (FULL_SCALE / Math.sqrt(2)));
    }

    /** The RMS of the samples. */
    public static double rms(short[] samples, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return length == 0 ? 0 : Math.sqrt(sum / length);
    }

    /** Clips a sample value to the 16-bit range. */
    public static short clip(double value) {
        long rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    /** Adds {@code other} into {@code into}, clipping, sample by sample. */
    public static void mixInto(short[] into, short[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] = clip(into[i] + other[i]);
        }
    }
}
