package dev.ataemu.media.dtmf;

import dev.ataemu.media.audio.Audio;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic music-like audio for talk-off tests: notes and chords of several instruments with
 * their harmonic series, sustained or decaying, many of them chosen so that a fundamental or an
 * overtone falls near a DTMF frequency, and often a row-like note together with a column-like one.
 */
final class MusicLikeSignal {

    private enum Instrument {
        STRING, CLARINET, FLUTE, PIANO, BRASS;

        /** The relative amplitude of harmonic k (1 = fundamental). */
        double harmonic(int k) {
            return switch (this) {
                case STRING -> 1.0 / k;
                case CLARINET -> k % 2 == 1 ? 1.0 / k : 0.1 / k;
                case FLUTE -> k == 1 ? 1 : 0.3 / Math.pow(k - 1, 1.5);
                case PIANO -> 1 / Math.pow(k, 1.2);
                case BRASS -> k / (1.0 + 0.25 * k * k);
            };
        }

        boolean decays() {
            return this == PIANO;
        }
    }

    private static final int[] DTMF_HZ = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
    private static final double MAX_HZ = 3800;

    private final Random random;
    private final double minDbm0;
    private final double maxDbm0;
    private final List<Integer> rowLike = new ArrayList<>();
    private final List<Integer> columnLike = new ArrayList<>();

    private MusicLikeSignal(long seed, double minDbm0, double maxDbm0) {
        this.random = new Random(seed);
        this.minDbm0 = minDbm0;
        this.maxDbm0 = maxDbm0;
        for (int note = 40; note <= 96; note++) {
            for (int k = 1; k <= 4; k++) {
                double hz = k * pitch(note);
                for (int i = 0; i < DTMF_HZ.length; i++) {
                    if (Math.abs(hz / DTMF_HZ[i] - 1) < 0.02) {
                        (i < 4 ? rowLike : columnLike).add(note);
                    }
                }
            }
        }
    }

    static short[] generate(long seed, int seconds, double minDbm0, double maxDbm0) {
        return new MusicLikeSignal(seed, minDbm0, maxDbm0).generate(seconds * Audio.SAMPLE_RATE);
    }

    private short[] generate(int length) {
        short[] out = new short[length];
        int at = 0;
        while (at < length) {
            double[] event = chord(ms(150, 800));
            SpeechLikeSignal.scaleTo(event, minDbm0 + random.nextDouble() * (maxDbm0 - minDbm0));
            for (int i = 0; i < event.length && at < length; i++) {
                out[at++] = Audio.clip(event[i]);
            }
        }
        return out;
    }

    private double[] chord(int length) {
        List<Integer> notes = new ArrayList<>();
        double kind = random.nextDouble();
        if (kind < 0.35) {
            notes.add(pick(rowLike));
            notes.add(pick(columnLike));
        } else if (kind < 0.6) {
            notes.add(pick(random.nextBoolean() ? rowLike : columnLike));
        } else {
            int root = 48 + random.nextInt(36);
            notes.add(root);
            notes.add(root + (random.nextBoolean() ? 4 : 3));
            if (random.nextBoolean()) {
                notes.add(root + 7);
            }
        }
        Instrument instrument = Instrument.values()[random.nextInt(Instrument.values().length)];
        double[] out = new double[length];
        for (int note : notes) {
            addNote(out, instrument, pitch(note));
        }
        return out;
    }

    private void addNote(double[] out, Instrument instrument, double hz) {
        double vibratoHz = 4.5 + random.nextDouble() * 2;
        double vibratoDepth = instrument.decays() ? 0 : 0.003 * random.nextDouble();
        double decaySeconds = 0.3 + random.nextDouble() * 0.6;
        for (int k = 1; k * hz < MAX_HZ; k++) {
            double amplitude = instrument.harmonic(k);
            double phase = random.nextDouble() * 2 * Math.PI;
            // Higher partials of a struck string die a little sooner.
            double decay = instrument.decays() ? 1 / (decaySeconds / (1 + 0.15 * (k - 1))) : 0;
            for (int n = 0; n < out.length; n++) {
                double t = (double) n / Audio.SAMPLE_RATE;
                double wobble = 1 + vibratoDepth * Math.sin(2 * Math.PI * vibratoHz * t);
                phase += 2 * Math.PI * k * hz * wobble / Audio.SAMPLE_RATE;
                out[n] += amplitude * Math.exp(-decay * t) * Math.sin(phase);
            }
        }
    }

    private int pick(List<Integer> notes) {
        return notes.get(random.nextInt(notes.size()));
    }

    private static double pitch(int midiNote) {
        return 440 * Math.pow(2, (midiNote - 69) / 12.0);
    }

    private int ms(int min, int max) {
        return (min + random.nextInt(max - min + 1)) * Audio.SAMPLE_RATE / 1000;
    }
}
