package dev.ataemu.media.fsk;

import dev.ataemu.media.audio.Audio;

/**
 * A non-coherent FSK receiver for caller-ID bursts. Two sliding correlators, each one bit long,
 * measure the mark and the space tone; their difference is the soft bit. A carrier detector on the
 * in-band energy gates everything, and an {@link AsyncCharacterReceiver} turns soft bits into
 * octets once it has seen the mark signal, so the alternating channel seizure never reaches the
 * listener.
 *
 * <p>Feed it audio in chunks of any length with {@link #process}.
 */
public final class FskDemodulator {

    /** What the demodulator hands on. */
    public interface Listener {
        /** One received character, 0..255. */
        void octet(int value);

        /** The carrier went away: the burst, and any message in it, is over. */
        default void carrierLost() {
        }
    }

    /** How many mark bits in a row arm the character receiver: the HT813's detector minimum (P847 default 40). */
    public static final int DEFAULT_MARK_BITS = 40;
    /** The weakest signal accepted, 6 dB under the -40 dBm0 of the HT813's P845 default. */
    public static final double CARRIER_ON_DBM0 = -46;
    private static final double CARRIER_OFF_DBM0 = -49;
    // About 2 ms, short against the 150 ms mark signal, long against one bit transition.
    private static final double POWER_SMOOTHING = 1.0 / 16;

    private final FskStandard standard;
    private final Listener listener;
    private final SlidingCorrelator mark;
    private final SlidingCorrelator space;
    private final AsyncCharacterReceiver characters;
    private final double powerScale;
    private final double onPower;
    private final double offPower;
    private double power;
    private boolean carrier;

    public FskDemodulator(FskStandard standard, Listener listener) {
        this(standard, DEFAULT_MARK_BITS, listener);
    }

    public FskDemodulator(FskStandard standard, int armingMarkBits, Listener listener) {
        this.standard = standard;
        this.listener = listener;
        double samplesPerBit = (double) Audio.SAMPLE_RATE / standard.baud();
        int window = (int) Math.round(samplesPerBit);
        this.mark = new SlidingCorrelator(standard.markHz(), window);
        this.space = new SlidingCorrelator(standard.spaceHz(), window);
        this.characters = new AsyncCharacterReceiver(samplesPerBit, armingMarkBits, listener::octet);
        // A sine of power P gives a correlation energy of P * window^2 / 2.
        this.powerScale = 2.0 / ((double) window * window);
        this.onPower = power(CARRIER_ON_DBM0);
        this.offPower = power(CARRIER_OFF_DBM0);
    }

    public FskStandard standard() {
        return standard;
    }

    public boolean carrierPresent() {
        return carrier;
    }

    public void process(short[] samples) {
        process(samples, 0, samples.length);
    }

    public void process(short[] samples, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            sample(samples[i]);
        }
    }

    private void sample(short value) {
        double markEnergy = mark.energy(value);
        double spaceEnergy = space.energy(value);
        power += ((markEnergy + spaceEnergy) * powerScale - power) * POWER_SMOOTHING;
        if (!carrier && power > onPower) {
            carrier = true;
            characters.reset();
        } else if (carrier && power < offPower) {
            carrier = false;
            characters.reset();
            listener.carrierLost();
        }
        if (carrier) {
            characters.accept(markEnergy - spaceEnergy);
        }
    }

    private static double power(double dbm0) {
        double rms = Audio.sineAmplitude(dbm0) / Math.sqrt(2);
        return rms * rms;
    }
}
