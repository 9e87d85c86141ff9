package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Resonator;
import java.util.Random;

/**
 * Deterministic speech-like audio for talk-off tests: voiced stretches from a glottal pulse train with
 * gliding pitch, shaped by three formant resonators moving from one vowel to another, unvoiced noise
 * bursts, and pauses, each stretch at its own level.
 */
public final class SpeechLikeSignal {

    /** Rough F1/F2/F3 of common vowels, Hz. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
        {570, 840, 2410}, {660, 1720, 2410}, {490, 1350, 1690}, {440, 1020, 2240},
    };
    private static final double[] BANDWIDTHS = {80, 100, 150};
    private static final int FADE = 40;

    private final Random random;
    private final double minDbm0;
    private final double maxDbm0;

    private SpeechLikeSignal(long seed, double minDbm0, double maxDbm0) {
        this.random = new Random(seed);
        this.minDbm0 = minDbm0;
        this.maxDbm0 = maxDbm0;
    }

    public static short[] generate(long seed, int seconds, double minDbm0, double maxDbm0) {
        return new SpeechLikeSignal(seed, minDbm0, maxDbm0).generate(seconds * Audio.SAMPLE_RATE);
    }

    private short[] generate(int length) {
        short[] out = new short[length];
        int at = 0;
        while (at < length) {
            double kind = random.nextDouble();
            double[] stretch;
            if (kind < 0.6) {
                stretch = voiced(ms(120, 400));
            } else if (kind < 0.8) {
                stretch = unvoiced(ms(40, 150));
            } else {
                stretch = new double[ms(40, 300)];
            }
            scaleTo(stretch, minDbm0 + random.nextDouble() * (maxDbm0 - minDbm0));
            for (int i = 0; i < stretch.length && at < length; i++) {
                out[at++] = Audio.clip(stretch[i]);
            }
        }
        return out;
    }

    private double[] voiced(int length) {
        double startHz = 80 + random.nextDouble() * 220;
        double endHz = Math.max(80, Math.min(300, startHz * (0.7 + random.nextDouble() * 0.7)));
        double[] from = VOWELS[random.nextInt(VOWELS.length)];
        double[] to = VOWELS[random.nextInt(VOWELS.length)];
        Resonator[] formants = {new Resonator(), new Resonator(), new Resonator()};
        double[] out = new double[length];
        double phase = 0;
        double previousPulse = 0;
        for (int n = 0; n < length; n++) {
            double t = (double) n / length;
            if (n % 40 == 0) {
                for (int f = 0; f < 3; f++) {
                    formants[f].tune(from[f] + (to[f] - from[f]) * t, BANDWIDTHS[f]);
                }
            }
            double pitch = startHz + (endHz - startHz) * t;
            phase += pitch * (1 + 0.01 * random.nextGaussian()) / Audio.SAMPLE_RATE;
            phase -= Math.floor(phase);
            double pulse = glottalPulse(phase);
            // The lips radiate the derivative of the glottal flow.
            double value = pulse - previousPulse;
            previousPulse = pulse;
            for (Resonator formant : formants) {
                value = formant.filter(value);
            }
            out[n] = value;
        }
        return out;
    }

    private double[] unvoiced(int length) {
        Resonator hiss = new Resonator();
        hiss.tune(2000 + random.nextDouble() * 1500, 1200);
        double[] out = new double[length];
        for (int n = 0; n < length; n++) {
            out[n] = hiss.filter(random.nextGaussian());
        }
        return out;
    }

    /** Rosenberg-style glottal flow over one pitch period: opening, closing, then closed. */
    private static double glottalPulse(double phase) {
        if (phase < 0.4) {
            return 0.5 * (1 - Math.cos(Math.PI * phase / 0.4));
        }
        if (phase < 0.56) {
            return Math.cos(Math.PI * (phase - 0.4) / 0.32);
        }
        return 0;
    }

    private int ms(int min, int max) {
        return (min + random.nextInt(max - min + 1)) * Audio.SAMPLE_RATE / 1000;
    }

    /** Scales the stretch to the level and softens its ends. */
    static void scaleTo(double[] stretch, double dbm0) {
        double sum = 0;
        for (double x : stretch) {
            sum += x * x;
        }
        if (sum == 0) {
            return;
        }
        double rms = Math.sqrt(sum / stretch.length);
        double target = Audio.sineAmplitude(dbm0) / Math.sqrt(2);
        for (int i = 0; i < stretch.length; i++) {
            double edge = Math.min(1, Math.min(i, stretch.length - 1 - i) / (double) FADE);
            stretch[i] *= target / rms * edge;
        }
    }
}
