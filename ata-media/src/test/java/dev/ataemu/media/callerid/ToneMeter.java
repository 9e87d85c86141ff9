package dev.ataemu.media.callerid;

import dev.ataemu.media.audio.Audio;

/** Measures the level of one frequency in a stretch of audio (a plain DFT bin), for the tests. */
final class ToneMeter {

    private ToneMeter() {
    }

    static double dbm0(short[] samples, double hz) {
        double re = 0;
        double im = 0;
        for (int n = 0; n < samples.length; n++) {
            double angle = 2 * Math.PI * hz * n / Audio.SAMPLE_RATE;
            re += samples[n] * Math.cos(angle);
            im += samples[n] * Math.sin(angle);
        }
        double amplitude = 2 * Math.hypot(re, im) / samples.length;
        return Audio.dbm0OfRms(amplitude / Math.sqrt(2));
    }
}
