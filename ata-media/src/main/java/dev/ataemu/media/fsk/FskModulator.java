package dev.ataemu.media.fsk;

import dev.ataemu.media.audio.Audio;
import java.util.Arrays;

/**
 * A phase-continuous FSK transmitter at 8 kHz. Parts are appended in line order (channel seizure,
 * mark, asynchronous characters) and {@link #samples()} returns everything so far.
 *
 * <p>Bit boundaries are placed at {@code round-down(n * 8000 / baud)} samples from the start, computed
 * from the bit count, so 6⅔ samples per bit at 1200 bit/s never drift however long the burst.
 */
public final class FskModulator {

    /** The Bellcore on-hook transmit level (GR-30 nominal -13.5 dBm). */
    public static final double BELLCORE_LEVEL_DBM0 = -13.5;
    /**
     * The level used for ETSI, BT and NTT V.23. EN 300 659-1's own figure was not at hand; the
     * Bellcore nominal is used, which sits inside the range caller-ID receivers are built for.
     */
    public static final double ETSI_LEVEL_DBM0 = -13.5;

    private final FskStandard standard;
    private final double amplitude;
    private short[] out = new short[1024];
    private int length;
    private long bits;
    private double phase;

    public FskModulator(FskStandard standard, double levelDbm0) {
        this.standard = standard;
        this.amplitude = Audio.sineAmplitude(levelDbm0);
    }

    /** Channel seizure: {@code count} alternating bits, starting with 0 (30 bytes of 0x55 when count is 300). */
    public FskModulator seizure(int count) {
        for (int i = 0; i < count; i++) {
            bit(i % 2 == 1);
        }
        return this;
    }

    /** Mark signal: {@code count} 1 bits. */
    public FskModulator mark(int count) {
        for (int i = 0; i < count; i++) {
            bit(true);
        }
        return this;
    }

    /** Each octet as an asynchronous character: start bit 0, eight data bits LSB first, stop bit 1. */
    public FskModulator octets(byte[] data) {
        for (byte octet : data) {
            bit(false);
            for (int i = 0; i < 8; i++) {
                bit(((octet >> i) & 1) == 1);
            }
            bit(true);
        }
        return this;
    }

    public short[] samples() {
        return Arrays.copyOf(out, length);
    }

    /** A whole burst: seizure, mark, then the message. */
    public static short[] burst(FskStandard standard, double levelDbm0, int seizureBits, int markBits, byte[] message) {
        return new FskModulator(standard, levelDbm0).seizure(seizureBits).mark(markBits).octets(message).samples();
    }

    private void bit(boolean value) {
        bits++;
        int end = (int) (bits * Audio.SAMPLE_RATE / standard.baud());
        double step = 2 * Math.PI * standard.frequency(value) / Audio.SAMPLE_RATE;
        if (end > out.length) {
            out = Arrays.copyOf(out, Math.max(end, out.length * 2));
        }
        while (length < end) {
            out[length++] = Audio.clip(amplitude * Math.sin(phase));
            phase += step;
            if (phase > 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
    }
}
