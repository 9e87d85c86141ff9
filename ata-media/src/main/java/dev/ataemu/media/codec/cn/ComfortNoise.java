package dev.ataemu.media.codec.cn;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;
import java.util.Random;

/**
 * Comfort noise (RFC 3389), static payload type 13, {@code CN/8000}. A payload is the noise level in
 * -dBov (0..127) optionally followed by reflection coefficients that shape the noise's spectrum. This
 * side sends the level only; it plays both forms. dBov is relative to a full-scale square wave (RMS
 * 32767), so 0 dBov is +6.15 dBm0 on the {@link Audio} scale.
 */
public final class ComfortNoise implements Codec {

    public static final int PAYLOAD_TYPE = 13;
    /** The quietest level the payload can say, -127 dBov. */
    public static final int MIN_LEVEL = 127;

    private static final double FULL_SCALE = 32767.0;
    /** Keeps the synthesis filter stable when a peer sends a coefficient of exactly +1. */
    private static final double MAX_REFLECTION = 0.99;

    @Override
    public String encodingName() {
        return "CN";
    }

    @Override
    public int clockRate() {
        return Audio.SAMPLE_RATE;
    }

    @Override
    public int staticPayloadType() {
        return PAYLOAD_TYPE;
    }

    @Override
    public int frameMs() {
        return Audio.FRAME_MS;
    }

    /** The level byte (-dBov, 0..127) of these samples; silence gives the quietest level. */
    public static int levelOf(short[] pcm, int offset, int samples) {
        double rms = Audio.rms(pcm, offset, samples);
        if (rms <= 0) {
            return MIN_LEVEL;
        }
        long level = Math.round(-20 * Math.log10(rms / FULL_SCALE));
        return (int) Math.max(0, Math.min(MIN_LEVEL, level));
    }

    /** The RMS sample value a level byte stands for. */
    public static double rmsOf(int level) {
        return FULL_SCALE * Math.pow(10, -level / 20.0);
    }

    /** A reflection coefficient from its byte: 0..255 spans -1..+1 (RFC 3389 section 3.2). */
    static double reflection(int quantized) {
        double k = (quantized - 127) / 128.0;
        return Math.max(-MAX_REFLECTION, Math.min(MAX_REFLECTION, k));
    }

    /** Sends one level byte for each call, describing the silence just encoded. */
    @Override
    public Codec.Encoder newEncoder() {
        return (pcm, offset, samples, out, outOffset) -> {
            out[outOffset] = (byte) levelOf(pcm, offset, samples);
            return 1;
        };
    }

    @Override
    public Codec.Decoder newDecoder() {
        return new NoiseDecoder();
    }

    /**
     * Plays noise at the last payload's level and spectrum: a payload starts one frame of it, and
     * {@link #conceal} carries on until the next payload (or speech) arrives.
     */
    private static final class NoiseDecoder implements Codec.Decoder {

        private final Random random = new Random();
        private double excitationRms;
        private double[] lpc = new double[0];
        private double[] history = new double[0];

        @Override
        public int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
            if (length < 1) {
                return conceal(out, outOffset, Audio.FRAME_SAMPLES);
            }
            int order = length - 1;
            double[] a = new double[0];
            double gain = 1;
            // Step-up recursion from reflection to direct-form coefficients; white noise through the
            // all-pole filter gains 1 / prod(1 - k^2) in power, which the excitation gives back.
            for (int m = 0; m < order; m++) {
                double k = reflection(payload[offset + 1 + m] & 0xff);
                double[] next = new double[m + 1];
                for (int i = 0; i < m; i++) {
                    next[i] = a[i] + k * a[m - 1 - i];
                }
                next[m] = k;
                a = next;
                gain *= 1 - k * k;
            }
            if (a.length != lpc.length) {
                history = new double[a.length];
            }
            lpc = a;
            excitationRms = rmsOf(payload[offset] & 0x7f) * Math.sqrt(gain);
            return conceal(out, outOffset, Math.min(Audio.FRAME_SAMPLES, out.length - outOffset));
        }

        @Override
        public int conceal(short[] out, int outOffset, int samples) {
            for (int n = 0; n < samples; n++) {
                double y = excitationRms * random.nextGaussian();
                for (int i = 0; i < lpc.length; i++) {
                    y -= lpc[i] * history[i];
                }
                if (history.length > 0) {
                    System.arraycopy(history, 0, history, 1, history.length - 1);
                    history[0] = y;
                }
                out[outOffset + n] = Audio.clip(y);
            }
            return samples;
        }
    }
}
