package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;
import java.util.Random;

/**
 * A deterministic stand-in for speech: a glottal pulse train with a wandering pitch, shaped by three
 * formant resonators that move from vowel to vowel, with pauses and hiss bursts in between,
 * scaled to a talker's level ({@link #LEVEL_DBM0} over the whole stretch, pauses included).
 */
final class SpeechLikeSignal {

    // F1, F2, F3 of a few vowels, plus one placed on the CAS tones to try the detector hard.
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410},
        {660, 1720, 2410}, {440, 1020, 2240}, {390, 2130, 2750},
    };
    private static final double[] BANDWIDTHS = {80, 100, 140};
    static final double LEVEL_DBM0 = -20;

    private SpeechLikeSignal() {
    }

    static short[] seconds(int seconds, long seed) {
        Random random = new Random(seed);
        double[] raw = new double[seconds * Audio.SAMPLE_RATE];
        double[][] state = new double[3][2];
        double[][] coefficients = new double[3][2];
        double pitchPhase = 0;
        int segmentLeft = 0;
        int kind = 0;
        double gain = 0;
        for (int n = 0; n < raw.length; n++) {
            if (segmentLeft-- <= 0) {
                segmentLeft = (80 + random.nextInt(220)) * Audio.SAMPLE_RATE / 1000;
                kind = random.nextInt(10);
                double[] vowel = VOWELS[random.nextInt(VOWELS.length)];
                for (int f = 0; f < 3; f++) {
                    double r = Math.exp(-Math.PI * BANDWIDTHS[f] / Audio.SAMPLE_RATE);
                    coefficients[f][0] = 2 * r * Math.cos(2 * Math.PI * vowel[f] / Audio.SAMPLE_RATE);
                    coefficients[f][1] = -r * r;
                }
                gain = 300 + random.nextInt(3000);
            }
            double pitch = 140 + 60 * Math.sin(2 * Math.PI * n / (Audio.SAMPLE_RATE * 1.7))
                    + 25 * Math.sin(2 * Math.PI * n / (Audio.SAMPLE_RATE * 0.37));
            pitchPhase += pitch / Audio.SAMPLE_RATE;
            double excitation;
            if (kind == 0) {
                excitation = 0;
            } else if (kind == 1) {
                excitation = 0.3 * random.nextGaussian();
            } else if (pitchPhase >= 1) {
                pitchPhase -= 1;
                excitation = 1;
            } else {
                excitation = 0;
            }
            double sample = excitation * gain;
            for (int f = 0; f < 3; f++) {
                double y = sample + coefficients[f][0] * state[f][0] + coefficients[f][1] * state[f][1];
                state[f][1] = state[f][0];
                state[f][0] = y;
                sample = y * (1 - Math.abs(coefficients[f][1])) * 4;
            }
            raw[n] = sample;
        }
        double energy = 0;
        for (double sample : raw) {
            energy += sample * sample;
        }
        double scale = Audio.sineAmplitude(LEVEL_DBM0) / Math.sqrt(2) / Math.sqrt(energy / raw.length);
        short[] out = new short[raw.length];
        for (int n = 0; n < raw.length; n++) {
            out[n] = Audio.clip(raw[n] * scale);
        }
        return out;
    }
}
