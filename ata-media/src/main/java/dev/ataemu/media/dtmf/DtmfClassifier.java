package dev.ataemu.media.dtmf;

import dev.ataemu.media.dsp.WindowedBin;

/**
 * Decides whether one short stretch of audio holds a DTMF digit and little else. The stretch is
 * analysed as two Hann-windowed segments {@link #LAG} samples apart: their powers give the levels, and
 * the phase each tone turns between them gives its true frequency, which separates the ±1.5 % that
 * must be accepted from the ±3.5 % that must be refused far more sharply than a bin's width could.
 */
final class DtmfClassifier {

    static final int SEGMENT = 128;
    static final int LAG = 32;
    static final int SPAN = SEGMENT + LAG;

    /** Q.24 accepts ±1.5 % and refuses ±3.5 %: cut in the middle. */
    static final double MAX_DEVIATION = 0.025;
    /** Each tone's level: Q.24 asks for -25 dBm0; cut well above the -36 dBm0 that must stay unheard. */
    static final double MIN_LEVEL_DBM0 = -31;
    /** High group above low group ("reverse twist"): Q.24 accepts 4 dB; 2 dB more for measuring. */
    static final double MAX_REVERSE_TWIST_DB = 6;
    /** High group below low group ("normal twist"): Q.24 accepts 8 dB; 2 dB more for measuring. */
    static final double MAX_NORMAL_TWIST_DB = 10;
    /**
     * Speech and music spread their energy; a key puts nearly all of it into its two tones. Noise or
     * speech under a key must stay about 10 dB below it.
     */
    static final double MIN_TONE_SHARE = 0.9;
    /** The other tones of a group stay well below the strongest (a Hann bin next door hears -6 to -8 dB). */
    static final double MIN_GROUP_MARGIN_DB = 5;
    /** Voices and instruments have overtones; a key has none. */
    static final double MIN_OVERTONE_MARGIN_DB = 15;

    private final ToneGroup low = new ToneGroup(DtmfDigit.lowGroupHz());
    private final ToneGroup high = new ToneGroup(DtmfDigit.highGroupHz());
    private final double[] window = WindowedBin.hann(SEGMENT);
    private final double toneEnergyFactor;

    DtmfClassifier() {
        double sum = 0;
        double sumOfSquares = 0;
        for (double w : window) {
            sum += w;
            sumOfSquares += w * w;
        }
        // A sine of amplitude A leaves A^2/2 * sum(w^2) in the windowed segment and (A/2 * sum(w))^2 in its bin.
        toneEnergyFactor = 2 * sumOfSquares / (sum * sum);
    }

    /** The digit in {@code span[0 .. SPAN)}, or null. */
    DtmfDigit classify(short[] span) {
        ToneGroup.Tone row = low.strongest(span);
        ToneGroup.Tone column = row == null ? null : high.strongest(span);
        if (column == null) {
            return null;
        }
        double twistDb = column.levelDbm0() - row.levelDbm0();
        if (twistDb > MAX_REVERSE_TWIST_DB || twistDb < -MAX_NORMAL_TWIST_DB) {
            return null;
        }
        double energy = (windowedEnergy(span, 0) + windowedEnergy(span, LAG)) / 2;
        if ((row.power() + column.power()) * toneEnergyFactor < MIN_TONE_SHARE * energy) {
            return null;
        }
        for (int harmonic = 2; harmonic <= 3; harmonic++) {
            if (hasOvertone(low.overtone(row, harmonic), row, harmonic, row, column, span)
                    || hasOvertone(high.overtone(column, harmonic), column, harmonic, row, column, span)) {
                return null;
            }
        }
        return DtmfDigit.at(row.index(), column.index());
    }

    /**
     * Whether {@code tone}'s harmonic is too strong for a key. A row tone's second harmonic (1394-1882 Hz)
     * can lie inside the column tone's main lobe, so what the two key tones themselves put into the
     * overtone's bin is taken out first.
     */
    private static boolean hasOvertone(WindowedBin overtone, ToneGroup.Tone tone, int harmonic,
            ToneGroup.Tone row, ToneGroup.Tone column, short[] span) {
        if (overtone == null) {
            return false;
        }
        overtone.analyze(span, LAG);
        double re = overtone.re();
        double im = overtone.im();
        for (ToneGroup.Tone key : new ToneGroup.Tone[] {row, column}) {
            double[] leak = key.bin().leak(key.re(), key.im(), key.trueHz(), overtone.hz());
            re -= leak[0];
            im -= leak[1];
        }
        // The harmonic of an off-frequency tone is off its bin by harmonic times as much.
        double gain = overtone.gainAt(harmonic * tone.deviationHz());
        double power = (re * re + im * im) / (gain * gain);
        return power * Math.pow(10, MIN_OVERTONE_MARGIN_DB / 10) > tone.power();
    }

    private double windowedEnergy(short[] span, int offset) {
        double sum = 0;
        for (int m = 0; m < SEGMENT; m++) {
            double x = span[offset + m] * window[m];
            sum += x * x;
        }
        return sum;
    }
}
