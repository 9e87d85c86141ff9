package dev.ataemu.media.codec.g711;

import java.util.Arrays;

/**
 * Packet-loss concealment by pitch waveform substitution, after G.711 Appendix I: a lost stretch
 * is filled by repeating the last pitch period of the good signal (two, then three periods after
 * 10 and 20 ms, so the repetition does not buzz), smoothed by overlap-adds and faded out from
 * 10 ms at 20 % per 10 ms, silent after 60 ms. The first good audio after a loss is cross-faded
 * with the synthetic signal.
 *
 * <p>Appendix I delays its output by 3.75 ms to overlap-add the last quarter period before a loss;
 * here the output is not delayed, so codecs stay sample-aligned: the synthetic signal starts
 * exactly one period back, which continues the good signal for as long as it is periodic, and only
 * the later wrap-arounds of the period buffer are smoothed.
 *
 * <p>Works on any 8 kHz PCM: a decoder calls {@link #good} on what it decoded and {@link #conceal}
 * for what never arrived.
 */
public final class WaveformSubstitution {

    static final int PITCH_MIN = 40;
    static final int PITCH_MAX = 120;
    private static final int CORRELATION_LENGTH = 160;
    private static final int HISTORY = 3 * PITCH_MAX + PITCH_MAX / 4;
    private static final int STAGE = 80;
    private static final double ATTENUATION_PER_STAGE = 0.2;
    private static final int END_OVERLAP_STEP = 32;

    private final float[] history = new float[HISTORY];
    private float[] origin;
    private int erased;
    private int pitch;
    private int overlap;
    private float[] period;
    private int position;
    private float[] fadingPeriod;
    private int fadingPosition;
    private int fadeLeft;

    /** Records decoded audio and, just after a loss, cross-fades its start with the synthetic signal. */
    public void good(short[] pcm, int offset, int samples) {
        if (erased > 0) {
            int length = Math.min(samples, Math.min(overlap + END_OVERLAP_STEP * ((erased - 1) / STAGE), STAGE));
            for (int i = 0; i < length; i++) {
                double in = (i + 1.0) / (length + 1);
                pcm[offset + i] = clip(in * pcm[offset + i] + (1 - in) * synthetic());
            }
            erased = 0;
        }
        remember(pcm, offset, samples);
    }

    /** Writes {@code samples} samples of synthetic signal for audio that never arrived. */
    public void conceal(short[] out, int offset, int samples) {
        if (erased == 0) {
            start();
        }
        for (int i = 0; i < samples; i++) {
            if (erased == STAGE || erased == 2 * STAGE) {
                lengthen(erased / STAGE + 1);
            }
            out[offset + i] = clip(synthetic());
        }
        remember(out, offset, samples);
    }

    private void start() {
        origin = history.clone();
        pitch = pitch(origin);
        overlap = pitch / 4;
        period = periods(1);
        position = 0;
        fadeLeft = 0;
    }

    private void lengthen(int count) {
        fadingPeriod = period;
        fadingPosition = position;
        fadeLeft = overlap;
        period = periods(count);
        position = position % pitch;
    }

    /** The next synthetic sample, attenuated for the time lost so far. */
    private double synthetic() {
        double value = period[position];
        position = (position + 1) % period.length;
        if (fadeLeft > 0) {
            double in = (overlap - fadeLeft + 1.0) / (overlap + 1);
            value = in * value + (1 - in) * fadingPeriod[fadingPosition];
            fadingPosition = (fadingPosition + 1) % fadingPeriod.length;
            fadeLeft--;
        }
        double gain = Math.max(0, 1 - ATTENUATION_PER_STAGE * Math.max(0, erased - STAGE) / STAGE);
        erased++;
        return gain * value;
    }

    /** The last {@code count} pitch periods, their end overlap-added with the audio before them. */
    private float[] periods(int count) {
        int length = count * pitch;
        int start = HISTORY - length;
        float[] buffer = Arrays.copyOfRange(origin, start, HISTORY);
        for (int i = 0; i < overlap; i++) {
            float in = (i + 1f) / (overlap + 1);
            buffer[length - overlap + i] = (1 - in) * origin[HISTORY - overlap + i] + in * origin[start - overlap + i];
        }
        return buffer;
    }

    /**
     * The pitch period in samples: the lag of highest normalised correlation of the last 20 ms with
     * the past, searched coarsely on every other sample and then refined around the best lag.
     */
    static int pitch(float[] signal) {
        int best = coarsest(signal);
        int refined = best;
        double score = Double.NEGATIVE_INFINITY;
        for (int lag = Math.max(PITCH_MIN, best - 1); lag <= Math.min(PITCH_MAX, best + 1); lag++) {
            double s = correlation(signal, lag, 1);
            if (s > score) {
                score = s;
                refined = lag;
            }
        }
        return refined;
    }

    private static int coarsest(float[] signal) {
        int best = PITCH_MIN;
        double score = Double.NEGATIVE_INFINITY;
        for (int lag = PITCH_MIN; lag <= PITCH_MAX; lag += 2) {
            double s = correlation(signal, lag, 2);
            if (s > score) {
                score = s;
                best = lag;
            }
        }
        return best;
    }

    private static double correlation(float[] signal, int lag, int step) {
        double cross = 0;
        double energy = 1e-3;
        for (int n = signal.length - CORRELATION_LENGTH; n < signal.length; n += step) {
            cross += signal[n] * signal[n - lag];
            energy += signal[n - lag] * signal[n - lag];
        }
        return cross / Math.sqrt(energy);
    }

    private void remember(short[] pcm, int offset, int samples) {
        int keep = Math.max(0, HISTORY - samples);
        System.arraycopy(history, HISTORY - keep, history, 0, keep);
        int from = Math.max(0, samples - HISTORY);
        for (int i = from; i < samples; i++) {
            history[keep + i - from] = pcm[offset + i];
        }
    }

    private static short clip(double value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
}
