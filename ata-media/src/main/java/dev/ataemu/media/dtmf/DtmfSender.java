package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.audio.AudioSource;
import dev.ataemu.media.dsp.Fade;
import dev.ataemu.media.dsp.Oscillator;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys a string of DTMF digits as a telephone does: each digit's two tones for the on-time, then
 * silence for the off-time. Finished after the last digit's off-time.
 */
public final class DtmfSender implements AudioSource {

    /** A typical telephone's levels: the high group 2 dB above the low group. */
    public static final double DEFAULT_LOW_DBM0 = -7;
    public static final double DEFAULT_HIGH_DBM0 = -5;

    private static final int SAMPLES_PER_MS = Audio.SAMPLE_RATE / 1000;

    private final List<DtmfDigit> digits = new ArrayList<>();
    private final int onSamples;
    private final int offSamples;
    private final double lowDbm0;
    private final double highDbm0;
    private int index;
    private int position;
    private Oscillator low;
    private Oscillator high;

    public DtmfSender(String digits, int onMs, int offMs) {
        this(digits, onMs, offMs, DEFAULT_LOW_DBM0, DEFAULT_HIGH_DBM0);
    }

    public DtmfSender(String digits, int onMs, int offMs, double lowDbm0, double highDbm0) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("no digits to send");
        }
        for (char c : digits.toCharArray()) {
            this.digits.add(DtmfDigit.of(c));
        }
        if (onMs <= 0 || offMs < 0) {
            throw new IllegalArgumentException("on-time must be positive and off-time not negative: " + onMs + "/" + offMs);
        }
        if (lowDbm0 > Audio.FULL_SCALE_SINE_DBM0 || highDbm0 > Audio.FULL_SCALE_SINE_DBM0) {
            throw new IllegalArgumentException("levels above full scale: " + lowDbm0 + "/" + highDbm0 + " dBm0");
        }
        this.onSamples = onMs * SAMPLES_PER_MS;
        this.offSamples = offMs * SAMPLES_PER_MS;
        this.lowDbm0 = lowDbm0;
        this.highDbm0 = highDbm0;
    }

    @Override
    public void read(short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = Audio.clip(next());
        }
    }

    @Override
    public boolean finished() {
        return index == digits.size();
    }

    private double next() {
        if (finished()) {
            return 0;
        }
        if (position == 0) {
            DtmfDigit digit = digits.get(index);
            low = new Oscillator(digit.lowHz(), lowDbm0);
            high = new Oscillator(digit.highHz(), highDbm0);
        }
        double value = position < onSamples ? (low.next() + high.next()) * Fade.gain(position, onSamples) : 0;
        position++;
        if (position == onSamples + offSamples) {
            position = 0;
            index++;
        }
        return value;
    }
}
