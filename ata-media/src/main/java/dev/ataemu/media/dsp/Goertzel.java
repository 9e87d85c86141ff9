package dev.ataemu.media.dsp;

import dev.ataemu.media.audio.Audio;

/** Measures single frequencies in a block of line audio. */
public final class Goertzel {

    private Goertzel() {
    }

    /**
     * The squared magnitude of the block's DFT at {@code hz} (rectangular window), by the Goertzel
     * recurrence. For a sine of amplitude A lasting the whole block this is about (A * length / 2)^2.
     */
    public static double power(short[] s, int offset, int length, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / Audio.SAMPLE_RATE);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = offset; i < offset + length; i++) {
            double current = s[i] + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
    }

    /**
     * The peak amplitude of the sine component at {@code hz}, fitted by least squares over the block. A
     * plain DFT bin also picks up the sine's own mirror image at -hz; the fit removes it, so a pure tone
     * is measured exactly over any block of a few cycles. Other components leak in as they would into a
     * rectangular-window DFT: measure close tones (350 and 440 Hz) over long blocks.
     */
    public static double amplitude(short[] s, int offset, int length, double hz) {
        double step = 2 * Math.PI * hz / Audio.SAMPLE_RATE;
        double cc = 0;
        double ss = 0;
        double cs = 0;
        double xc = 0;
        double xs = 0;
        for (int n = 0; n < length; n++) {
            double c = Math.cos(step * n);
            double si = Math.sin(step * n);
            double x = s[offset + n];
            cc += c * c;
            ss += si * si;
            cs += c * si;
            xc += x * c;
            xs += x * si;
        }
        double determinant = cc * ss - cs * cs;
        if (determinant <= 1e-9 * length * length) {
            throw new IllegalArgumentException("cannot resolve " + hz + " Hz over " + length + " samples");
        }
        double a = (xc * ss - xs * cs) / determinant;
        double b = (xs * cc - xc * cs) / determinant;
        return Math.hypot(a, b);
    }

    /** The level in dBm0 of the sine component at {@code hz} (see {@link #amplitude}); -Infinity if none. */
    public static double levelDbm0(short[] s, int offset, int length, double hz) {
        return Audio.dbm0OfRms(amplitude(s, offset, length, hz) / Math.sqrt(2));
    }
}
