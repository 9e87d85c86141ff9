package dev.ataemu.media.codec.opus;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Resonator;
import java.util.Random;

/**
 * Deterministic test audio: a sine, and speech-like sound made the way a voice makes it, a glottal
 * pulse train with gliding pitch through three formant resonators, in syllables with pauses between.
 */
public final class Voice {

    /** F1/F2/F3 of a few vowels, Hz. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {660, 1720, 2410},
    };
    private static final double[] BANDWIDTHS = {80, 100, 150};

    private Voice() {
    }

    public static short[] sine(double hz, double dbm0, int samples) {
        double amplitude = Audio.sineAmplitude(dbm0);
        short[] out = new short[samples];
        for (int n = 0; n < samples; n++) {
            out[n] = Audio.clip(amplitude * Math.sin(2 * Math.PI * hz * n / Audio.SAMPLE_RATE));
        }
        return out;
    }

    /** One vowel held at a steady pitch, at {@code dbm0}. */
    public static short[] vowel(int vowel, double pitchHz, double dbm0, int samples) {
        return scaled(voiced(VOWELS[vowel], VOWELS[vowel], pitchHz, pitchHz, samples, new Random(1)), dbm0);
    }

    /** Syllables of 150-350 ms, each a glide between two vowels, with 30-200 ms pauses. */
    public static short[] speech(long seed, double dbm0, int samples) {
        Random random = new Random(seed);
        double[] out = new double[samples];
        int at = random.nextInt(400);
        while (at < samples) {
            int length = (150 + random.nextInt(200)) * Audio.SAMPLE_RATE / 1000;
            double pitch = 90 + random.nextDouble() * 150;
            double[] syllable = voiced(VOWELS[random.nextInt(VOWELS.length)], VOWELS[random.nextInt(VOWELS.length)],
                    pitch, pitch * (0.8 + 0.4 * random.nextDouble()), length, random);
            for (int n = 0; n < length && at + n < samples; n++) {
                // Raised-cosine ends, as a syllable swells and fades.
                double edge = Math.min(1, Math.min(n, length - 1 - n) / 240.0);
                out[at + n] = syllable[n] * (0.5 - 0.5 * Math.cos(Math.PI * edge));
            }
            at += length + (30 + random.nextInt(170)) * Audio.SAMPLE_RATE / 1000;
        }
        return scaled(out, dbm0);
    }

    private static double[] voiced(double[] from, double[] to, double startHz, double endHz, int length, Random random) {
        Resonator[] formants = {new Resonator(), new Resonator(), new Resonator()};
        double[] out = new double[length];
        double phase = 0;
        for (int n = 0; n < length; n++) {
            double t = (double) n / length;
            if (n % 40 == 0) {
                for (int f = 0; f < 3; f++) {
                    formants[f].tune(from[f] + (to[f] - from[f]) * t, BANDWIDTHS[f]);
                }
            }
            phase += (startHz + (endHz - startHz) * t) * (1 + 0.005 * random.nextGaussian()) / Audio.SAMPLE_RATE;
            double value = 0;
            if (phase >= 1) {
                phase -= 1;
                value = 1;
            }
            for (Resonator formant : formants) {
                value = formant.filter(value);
            }
            out[n] = value;
        }
        return out;
    }

    /** Scales so the non-silent part is at {@code dbm0} (pauses do not count toward the level). */
    private static short[] scaled(double[] signal, double dbm0) {
        double sum = 0;
        int count = 0;
        for (double x : signal) {
            if (x != 0) {
                sum += x * x;
                count++;
            }
        }
        double gain = Audio.sineAmplitude(dbm0) / Math.sqrt(2) / Math.sqrt(sum / Math.max(1, count));
        short[] out = new short[signal.length];
        for (int n = 0; n < signal.length; n++) {
            out[n] = Audio.clip(signal[n] * gain);
        }
        return out;
    }
}
