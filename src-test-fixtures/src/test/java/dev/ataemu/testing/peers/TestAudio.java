package dev.ataemu.testing.peers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test signals for the baresip tests: a sine WAV to send, and a Goertzel measure of what came back. */
final class TestAudio {

    private TestAudio() {
    }

    /** The recording as mono samples and its rate. */
    record Samples(float rate, double[] values) {
    }

    static Samples read(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException("expected 16-bit PCM, got " + f);
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes())
                    .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int channels = f.getChannels();
            double[] values = new double[bytes.remaining() / 2 / channels];
            for (int i = 0; i < values.length; i++) {
                values[i] = bytes.getShort((i * channels) * 2);
            }
            return new Samples(f.getSampleRate(), values);
        }
    }

    /** Share of the signal's energy at {@code hertz} (Goertzel), between 0 and about 1. */
    static double toneShare(Samples s, double hertz) {
        double[] x = s.values();
        if (x.length == 0) {
            return 0;
        }
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / s.rate());
        double q1 = 0;
        double q2 = 0;
        double energy = 0;
        for (double v : x) {
            double q0 = coefficient * q1 - q2 + v;
            q2 = q1;
            q1 = q0;
            energy += v * v;
        }
        double power = q1 * q1 + q2 * q2 - coefficient * q1 * q2;
        // A pure tone of N samples gives power = energy * N / 2.
        return energy == 0 ? 0 : power / (energy * x.length / 2);
    }
}
