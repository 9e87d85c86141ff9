package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;

/**
 * Listens to call audio for the CPE alerting signal (2130 + 2750 Hz) and calls back once per alert
 * when the dual tone has filled consecutive 10 ms blocks for at least 60 ms. A block counts only if
 * both tones are present, not too unequal, and together hold nearly all of the block's power, which
 * speech, the SAS and ordinary tones never do.
 */
public final class CasDetector {

    /** How long the dual tone must last before the callback. */
    public static final int MIN_MS = 60;
    private static final int BLOCK = Audio.SAMPLE_RATE / 100;
    private static final int MIN_BLOCKS = MIN_MS / 10;
    /** The weakest tone accepted, per frequency. */
    private static final double MIN_TONE_DBM0 = -40;
    /**
     * Both tones together must hold this share of the block's power: low enough for a tone 1 % off
     * frequency, high enough that even a vowel with formants on 2130 and 2750 Hz stays below it.
     */
    private static final double MIN_PURITY = 0.8;
    /** Each tone must hold at least this share: a twist of at most 6 dB. */
    private static final double MIN_SHARE = 0.2;

    private final Runnable onCas;
    private final ToneEnergy low = new ToneEnergy(CallerIdTiming.DT_AS_LOW_HZ);
    private final ToneEnergy high = new ToneEnergy(CallerIdTiming.DT_AS_HIGH_HZ);
    private final double minTonePower;
    private double blockEnergy;
    private int inBlock;
    private int goodBlocks;

    public CasDetector(Runnable onCas) {
        this.onCas = onCas;
        double rms = Audio.sineAmplitude(MIN_TONE_DBM0) / Math.sqrt(2);
        this.minTonePower = rms * rms;
    }

    public void process(short[] samples) {
        process(samples, 0, samples.length);
    }

    public void process(short[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            low.add(samples[i]);
            high.add(samples[i]);
            blockEnergy += (double) samples[i] * samples[i];
            if (++inBlock == BLOCK) {
                block();
            }
        }
    }

    private void block() {
        double power = blockEnergy / BLOCK;
        double lowPower = low.powerAndReset();
        double highPower = high.powerAndReset();
        blockEnergy = 0;
        inBlock = 0;
        boolean cas = lowPower >= minTonePower && highPower >= minTonePower
                && lowPower + highPower >= MIN_PURITY * power
                && Math.min(lowPower, highPower) >= MIN_SHARE * (lowPower + highPower);
        if (!cas) {
            goodBlocks = 0;
        } else if (++goodBlocks == MIN_BLOCKS) {
            onCas.run();
        }
    }
}
