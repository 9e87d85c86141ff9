package dev.ataemu.media.codec.ilbc;

import dev.ataemu.media.codec.Codec;
import java.util.Arrays;

/** Test signals for iLBC, frame-by-frame round trips and alignment-tolerant fidelity measures. */
final class IlbcSignals {

    private IlbcSignals() {
    }

    /**
     * A voiced speech-like signal: a glottal pulse train whose pitch glides between 100 and 180 Hz,
     * through three formant resonators (700, 1200 and 2600 Hz), with a syllable-rate envelope.
     */
    static short[] speechLike(int samples) {
        double[][] formants = {{700, 80}, {1200, 100}, {2600, 150}};
        double[][] state = new double[formants.length][2];
        short[] out = new short[samples];
        double phase = 0;
        for (int n = 0; n < samples; n++) {
            double t = n / 8000.0;
            double f0 = 140 + 40 * Math.sin(2 * Math.PI * 0.8 * t);
            phase += f0 / 8000;
            double x = 0;
            if (phase >= 1) {
                phase -= 1;
                x = 1;
            }
            double y = 0;
            for (int k = 0; k < formants.length; k++) {
                double r = Math.exp(-Math.PI * formants[k][1] / 8000);
                double c = 2 * r * Math.cos(2 * Math.PI * formants[k][0] / 8000);
                double v = x + c * state[k][0] - r * r * state[k][1];
                state[k][1] = state[k][0];
                state[k][0] = v;
                y += v / (k + 1);
            }
            double envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t);
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(1500 * envelope * y)));
        }
        return out;
    }

    static short[] sine(double hz, double amplitude, int samples) {
        short[] s = new short[samples];
        for (int n = 0; n < samples; n++) {
            s[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n / 8000));
        }
        return s;
    }

    static byte[] encode(Codec codec, short[] pcm) {
        int frame = codec.frameMs() * 8;
        Codec.Encoder encoder = codec.newEncoder();
        byte[] out = new byte[pcm.length];
        int written = 0;
        for (int at = 0; at + frame <= pcm.length; at += frame) {
            written += encoder.encode(pcm, at, frame, out, written);
        }
        return Arrays.copyOf(out, written);
    }

    static short[] decode(Codec codec, byte[] payload, int bytesPerFrame) {
        Codec.Decoder decoder = codec.newDecoder();
        int frames = payload.length / bytesPerFrame;
        short[] out = new short[frames * codec.frameMs() * 8];
        int written = 0;
        for (int f = 0; f < frames; f++) {
            written += decoder.decode(payload, f * bytesPerFrame, bytesPerFrame, out, written);
        }
        return out;
    }
}
