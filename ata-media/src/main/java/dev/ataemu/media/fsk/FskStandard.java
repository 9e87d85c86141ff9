package dev.ataemu.media.fsk;

/**
 * A binary FSK line code: the tone for a 1 (mark), the tone for a 0 (space) and the bit rate.
 * The two caller-ID codes are {@link #BELL_202} and {@link #V23}; others serve tests (a shifted carrier).
 */
public record FskStandard(String name, double markHz, double spaceHz, int baud) {

    /** Bell 202, used by Bellcore/Telcordia GR-30 caller ID: mark 1200 Hz, space 2200 Hz, 1200 bit/s. */
    public static final FskStandard BELL_202 = new FskStandard("Bell 202", 1200, 2200, 1200);

    /** ITU-T V.23 mode 2 (forward channel), used by ETSI EN 300 659, BT SIN 227 and NTT: 1300/2100 Hz, 1200 bit/s. */
    public static final FskStandard V23 = new FskStandard("V.23", 1300, 2100, 1200);

    public FskStandard {
        if (markHz <= 0 || spaceHz <= 0 || markHz == spaceHz) {
            throw new IllegalArgumentException("mark and space must be two different positive frequencies");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive");
        }
    }

    public double frequency(boolean bit) {
        return bit ? markHz : spaceHz;
    }

    /** The same code with both tones moved by {@code fraction} (0.01 = 1 % high), as a drifting oscillator sends it. */
    public FskStandard offsetBy(double fraction) {
        return new FskStandard(name + String.format(" %+.1f %%", fraction * 100), markHz * (1 + fraction),
                spaceHz * (1 + fraction), baud);
    }

    @Override
    public String toString() {
        return name;
    }
}
