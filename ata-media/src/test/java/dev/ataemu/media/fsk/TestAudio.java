package dev.ataemu.media.fsk;

import dev.ataemu.media.audio.Audio;
import java.util.Arrays;
import java.util.Random;

/** Line impairments and helpers for the modem tests; deterministic for a given seed. */
public final class TestAudio {

    private TestAudio() {
    }

    /** Silence of {@code ms} milliseconds. */
    public static short[] silence(int ms) {
        return new short[ms * Audio.SAMPLE_RATE / 1000];
    }

    public static short[] concat(short[]... parts) {
        int total = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        short[] out = new short[total];
        int at = 0;
        for (short[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /**
     * Adds white Gaussian noise whose power is {@code snrDb} under the power of {@code reference}
     * (the signal alone), over the whole of {@code samples}.
     */
    public static short[] withNoise(short[] samples, short[] reference, double snrDb, long seed) {
        double signalRms = Audio.rms(reference, 0, reference.length);
        double sigma = signalRms / Math.pow(10, snrDb / 20);
        Random random = new Random(seed);
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = Audio.clip(samples[i] + sigma * random.nextGaussian());
        }
        return out;
    }

    /** Feeds {@code samples} in chunks of the given lengths, cycling, to prove chunking does not matter. */
    public static void feed(short[] samples, int[] chunks, java.util.function.BiConsumer<short[], int[]> sink) {
        int at = 0;
        int turn = 0;
        while (at < samples.length) {
            int length = Math.min(chunks[turn++ % chunks.length], samples.length - at);
            sink.accept(samples, new int[] {at, length});
            at += length;
        }
    }
}
