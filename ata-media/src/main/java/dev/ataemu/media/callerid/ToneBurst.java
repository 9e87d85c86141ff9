package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;

/** Steady tones of a given length: the alerting signals around caller ID. */
final class ToneBurst {

    private ToneBurst() {
    }

    /** The sum of sines at {@code hz}, each at {@code dbm0PerTone}, for {@code ms} milliseconds. */
    static short[] of(double dbm0PerTone, int ms, double... hz) {
        short[] out = new short[ms * Audio.SAMPLE_RATE / 1000];
        double amplitude = Audio.sineAmplitude(dbm0PerTone);
        for (int n = 0; n < out.length; n++) {
            double sum = 0;
            for (double f : hz) {
                sum += Math.sin(2 * Math.PI * f * n / Audio.SAMPLE_RATE);
            }
            out[n] = Audio.clip(amplitude * sum);
        }
        return out;
    }
}
