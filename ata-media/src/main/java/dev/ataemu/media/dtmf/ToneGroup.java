package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.dsp.WindowedBin;

/**
 * The four tones of one DTMF group over a {@link DtmfClassifier} span: finds the strongest and says
 * whether it looks like a key's clean sine (well above the rest of its group, on frequency, loud enough).
 */
final class ToneGroup {

    private static final double HIGHEST_OVERTONE_HZ = 3900;

    /** The strongest tone of a group: its index and bin, true frequency, late-segment bin value and power. */
    record Tone(int index, WindowedBin bin, double deviationHz, double re, double im, double power) {

        double hz() {
            return bin.hz();
        }

        double trueHz() {
            return bin.hz() + deviationHz;
        }

        double levelDbm0() {
            double amplitude = 2 * Math.sqrt(power) / bin.windowSum();
            return Audio.dbm0OfRms(amplitude / Math.sqrt(2));
        }
    }

    private final WindowedBin[] tones = new WindowedBin[4];
    /** overtones[h - 2][i]: harmonic h of tone i, or null above the band. */
    private final WindowedBin[][] overtones = new WindowedBin[2][4];
    private final double[] powers = new double[4];
    private final double[] re = new double[4];
    private final double[] im = new double[4];
    private final double[] deviationsHz = new double[4];

    ToneGroup(int[] hz) {
        for (int i = 0; i < 4; i++) {
            tones[i] = new WindowedBin(hz[i], DtmfClassifier.SEGMENT);
            for (int h = 2; h <= 3; h++) {
                double overtoneHz = h * hz[i];
                overtones[h - 2][i] = overtoneHz < HIGHEST_OVERTONE_HZ ? new WindowedBin(overtoneHz, DtmfClassifier.SEGMENT) : null;
            }
        }
    }

    /** The group's strongest tone over {@code span} if it is clean, on frequency and loud enough; else null. */
    Tone strongest(short[] span) {
        int best = 0;
        for (int i = 0; i < 4; i++) {
            measure(i, span);
            if (powers[i] > powers[best]) {
                best = i;
            }
        }
        double groupMargin = Math.pow(10, DtmfClassifier.MIN_GROUP_MARGIN_DB / 10);
        for (int i = 0; i < 4; i++) {
            if (i != best && powers[i] * groupMargin > powers[best]) {
                return null;
            }
        }
        if (Math.abs(deviationsHz[best]) > DtmfClassifier.MAX_DEVIATION * tones[best].hz()) {
            return null;
        }
        // An off-frequency tone loses some of its power in the bin: the deviation says how much.
        double gain = tones[best].gainAt(deviationsHz[best]);
        Tone tone = new Tone(best, tones[best], deviationsHz[best], re[best], im[best], powers[best] / (gain * gain));
        return tone.levelDbm0() < DtmfClassifier.MIN_LEVEL_DBM0 ? null : tone;
    }

    /** The bin of harmonic {@code harmonic} (2 or 3) of {@code tone}, or null above the band. */
    WindowedBin overtone(Tone tone, int harmonic) {
        return overtones[harmonic - 2][tone.index()];
    }

    private void measure(int i, short[] span) {
        WindowedBin tone = tones[i];
        tone.analyze(span, 0);
        double earlyRe = tone.re();
        double earlyIm = tone.im();
        tone.analyze(span, DtmfClassifier.LAG);
        re[i] = tone.re();
        im[i] = tone.im();
        powers[i] = (earlyRe * earlyRe + earlyIm * earlyIm + re[i] * re[i] + im[i] * im[i]) / 2;
        // late * conj(early) turns by the true frequency over LAG samples; the bin's own turn is taken off.
        double turn = Math.atan2(im[i] * earlyRe - re[i] * earlyIm, re[i] * earlyRe + im[i] * earlyIm);
        double offset = Math.IEEEremainder(turn - 2 * Math.PI * tone.hz() * DtmfClassifier.LAG / Audio.SAMPLE_RATE,
                2 * Math.PI);
        deviationsHz[i] = offset * Audio.SAMPLE_RATE / (2 * Math.PI * DtmfClassifier.LAG);
    }
}
