package dev.ataemu.media.fax;

import dev.ataemu.media.audio.Audio;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the tones that say a fax or a modem is on a call: the calling fax's CNG, 1100 Hz bursts of
 * half a second (ITU-T T.30), the answering fax's CED, 2100 Hz for about three seconds, and a
 * modem's answer tone, the same 2100 Hz with its phase reversed every 450 ms (V.25 /ANS, V.8
 * ANSam). Each is reported once.
 *
 * <p>The audio is judged in 10 ms blocks: a block holds a tone when it is at least -43 dBm0 and
 * the tone's bin carries at least half of the block's energy (a 10 ms bin is 100 Hz wide, so the
 * tones' tolerances, 1100 ± 38 Hz and 2100 ± 15 Hz, keep most of their power in it). CNG counts
 * after {@link #CNG_BLOCKS} such blocks in a row, one missing block forgiven; 2100 Hz after
 * {@link #ANSWER_BLOCKS}, as a modem if its phase turned over meanwhile (both tones have a whole
 * number of cycles in a block, so a steady tone keeps its phase from block to block). Speech never
 * holds one pure frequency that long.
 */
public final class FaxToneDetector {

    /** What was heard: a calling fax, an answering fax, an answering modem. */
    public enum Tone {
        CNG,
        CED,
        MODEM
    }

    static final int BLOCK = 80;
    static final int CNG_BLOCKS = 40;
    static final int ANSWER_BLOCKS = 100;
    private static final double MIN_DBM0 = -43;
    private static final double MIN_SHARE = 0.5;

    private final Consumer<Tone> onTone;
    private final short[] block = new short[BLOCK];
    private final Set<Tone> reported = EnumSet.noneOf(Tone.class);
    private static final double[] FREQUENCIES = {1100, 2100};
    private static final double[][] COS = table(Math::cos);
    private static final double[][] SIN = table(Math::sin);

    private final int[] run = new int[FREQUENCIES.length];
    private final int[] missed = new int[FREQUENCIES.length];
    private final double[] phase = new double[FREQUENCIES.length];
    private boolean reversed;
    private int fill;

    public FaxToneDetector(Consumer<Tone> onTone) {
        this.onTone = Objects.requireNonNull(onTone, "onTone");
    }

    /** Feeds {@code samples[0 .. count)}; any length works. */
    public void process(short[] samples, int count) {
        for (int i = 0; i < count; i++) {
            block[fill++] = samples[i];
            if (fill == BLOCK) {
                judge();
                fill = 0;
            }
        }
    }

    /** Whether {@code tone} has been heard. */
    public boolean heard(Tone tone) {
        return reported.contains(tone);
    }

    private void judge() {
        double energy = 0;
        for (short sample : block) {
            energy += (double) sample * sample;
        }
        boolean loud = energy > 0 && Audio.dbm0OfRms(Math.sqrt(energy / BLOCK)) >= MIN_DBM0;
        for (int f = 0; f < FREQUENCIES.length; f++) {
            double re = 0;
            double im = 0;
            // A quiet block (most of a call's frames, in one direction or the other) needs no bins.
            for (int n = 0; loud && n < BLOCK; n++) {
                re += block[n] * COS[f][n];
                im += block[n] * SIN[f][n];
            }
            boolean present = loud && 2 * (re * re + im * im) / (BLOCK * energy) >= MIN_SHARE;
            if (present) {
                double now = Math.atan2(im, re);
                if (run[f] > 0 && f == 1 && Math.abs(Math.IEEEremainder(now - phase[f], 2 * Math.PI)) > 2 * Math.PI / 3) {
                    reversed = true;
                }
                phase[f] = now;
                run[f]++;
                missed[f] = 0;
            } else if (run[f] > 0 && ++missed[f] > 1) {
                run[f] = 0;
                missed[f] = 0;
                if (f == 1) {
                    reversed = false;
                }
            }
        }
        if (run[0] >= CNG_BLOCKS) {
            report(Tone.CNG);
        }
        if (run[1] >= ANSWER_BLOCKS) {
            report(reversed ? Tone.MODEM : Tone.CED);
        }
    }

    private void report(Tone tone) {
        if (reported.add(tone)) {
            onTone.accept(tone);
        }
    }

    private static double[][] table(java.util.function.DoubleUnaryOperator function) {
        double[][] table = new double[FREQUENCIES.length][BLOCK];
        for (int f = 0; f < FREQUENCIES.length; f++) {
            for (int n = 0; n < BLOCK; n++) {
                table[f][n] = function.applyAsDouble(2 * Math.PI * FREQUENCIES[f] * n / Audio.SAMPLE_RATE);
            }
        }
        return table;
    }
}
