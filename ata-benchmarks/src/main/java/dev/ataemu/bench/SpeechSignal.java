package dev.ataemu.bench;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.Resonator;

/**
 * A deterministic speech-like signal for codec benchmarks: a glottal pulse train with a slowly gliding
 * pitch, shaped by three formant resonators that move from vowel to vowel every 200 ms, with a
 * syllable-rate envelope. Adaptive codecs (ADPCM step sizes, Opus's modes and bit allocation) then
 * work as hard as on voice, which a steady tone or white noise would not make them do.
 */
final class SpeechSignal {

    /** Rough F1/F2/F3 of common vowels, Hz. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410},
    };
    private static final double[] BANDWIDTHS = {80, 100, 150};
    private static final int SYLLABLE_SAMPLES = Audio.SAMPLE_RATE / 5;
    /** The level of the loudest syllables; speech on a line sits around -20 dBm0. */
    private static final double PEAK_DBM0 = -12;

    private SpeechSignal() {
    }

    static short[] generate(int samples) {
        double[] raw = new double[samples];
        Resonator[] formants = {new Resonator(), new Resonator(), new Resonator()};
        double phase = 0;
        double peak = 0;
        for (int n = 0; n < samples; n++) {
            int syllable = n / SYLLABLE_SAMPLES;
            if (n % SYLLABLE_SAMPLES == 0) {
                double[] vowel = VOWELS[syllable % VOWELS.length];
                for (int f = 0; f < formants.length; f++) {
                    formants[f].tune(vowel[f], BANDWIDTHS[f]);
                }
            }
            // Pitch glides between 100 and 180 Hz over a few seconds, like an intonation contour.
            double pitch = 140 + 40 * Math.sin(2 * Math.PI * n / (3.1 * Audio.SAMPLE_RATE));
            double previous = phase;
            phase = (phase + pitch / Audio.SAMPLE_RATE) % 1;
            double value = phase < previous ? 1 : 0;
            for (Resonator formant : formants) {
                value = formant.filter(value);
            }
            // Each syllable swells and fades (a raised sine), so the level moves as in speech.
            double within = (double) (n % SYLLABLE_SAMPLES) / SYLLABLE_SAMPLES;
            raw[n] = value * Math.sin(Math.PI * within) * (0.4 + 0.6 * ((syllable * 7) % 5) / 4.0);
            peak = Math.max(peak, Math.abs(raw[n]));
        }
        double scale = Audio.sineAmplitude(PEAK_DBM0) / peak;
        short[] out = new short[samples];
        for (int n = 0; n < samples; n++) {
            out[n] = Audio.clip(raw[n] * scale);
        }
        return out;
    }
}
