package dev.ataemu.media.codec.g711;

import dev.ataemu.media.audio.Audio;
import dev.ataemu.media.codec.Codec;

/** Test signals, codec round trips and signal-to-noise measurement shared by the codec tests. */
public final class CodecSignals {

    private CodecSignals() {
    }

    /** A sine at {@code dbm0} sampled at {@code rate}. */
    public static short[] sine(double hz, double dbm0, int samples, int rate) {
        short[] s = new short[samples];
        double amplitude = Audio.sineAmplitude(dbm0);
        for (int n = 0; n < samples; n++) {
            s[n] = Audio.clip(amplitude * Math.sin(2 * Math.PI * hz * n / rate));
        }
        return s;
    }

    /**
     * A speech-like signal sampled at {@code rate}: harmonics of a gliding 120-220 Hz pitch with a
     * formant-shaped spectrum up to 3.4 kHz and a syllable-rate envelope, about -18 dBm0 on average.
     */
    public static short[] speechLike(int samples, int rate) {
        short[] s = new short[samples];
        double phase = 0;
        double peak = Audio.sineAmplitude(-12);
        for (int n = 0; n < samples; n++) {
            double t = (double) n / rate;
            double f0 = 170 + 50 * Math.sin(2 * Math.PI * 0.7 * t);
            phase += 2 * Math.PI * f0 / rate;
            double sum = 0;
            for (int k = 1; k * 220 < 3400; k++) {
                double f = k * f0;
                double formants = 1 / (1 + Math.pow((f - 700) / 300, 2)) + 0.5 / (1 + Math.pow((f - 1800) / 400, 2))
                        + 0.25 / (1 + Math.pow((f - 2800) / 500, 2));
                sum += formants * Math.sin(k * phase + k * k * 0.3);
            }
            double envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 3.5 * t);
            s[n] = Audio.clip(0.5 * peak * envelope * sum);
        }
        return s;
    }

    /** Encodes and decodes {@code pcm} frame by frame through fresh encoder and decoder instances. */
    public static short[] roundTrip(Codec codec, short[] pcm) {
        return decode(codec, encode(codec, pcm), pcm.length);
    }

    public static byte[] encode(Codec codec, short[] pcm) {
        int frame = codec.frameMs() * 8;
        Codec.Encoder encoder = codec.newEncoder();
        byte[] out = new byte[pcm.length * 2];
        int written = 0;
        for (int at = 0; at + frame <= pcm.length; at += frame) {
            written += encoder.encode(pcm, at, frame, out, written);
        }
        return java.util.Arrays.copyOf(out, written);
    }

    public static short[] decode(Codec codec, byte[] payload, int samples) {
        int frame = codec.frameMs() * 8;
        int bytesPerFrame = payload.length / (samples / frame);
        Codec.Decoder decoder = codec.newDecoder();
        short[] out = new short[samples];
        int written = 0;
        for (int at = 0; at + bytesPerFrame <= payload.length; at += bytesPerFrame) {
            written += decoder.decode(payload, at, bytesPerFrame, out, written);
        }
        return out;
    }

    /** The SNR in dB of {@code decoded} against {@code reference}, after the first {@code skip} samples. */
    public static double snr(short[] reference, short[] decoded, int lag, int skip) {
        double signal = 0;
        double noise = 0;
        for (int n = skip; n < reference.length && n + lag < decoded.length; n++) {
            double error = decoded[n + lag] - reference[n];
            signal += (double) reference[n] * reference[n];
            noise += error * error;
        }
        return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
    }

    /** The best SNR over delays of the decoded signal from 0 to {@code maxLag} samples. */
    public static double bestSnr(short[] reference, short[] decoded, int maxLag, int skip) {
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= maxLag; lag++) {
            best = Math.max(best, snr(reference, decoded, lag, skip));
        }
        return best;
    }

    /** The delay (0 to {@code maxLag}) at which {@link #snr} is best. */
    public static int bestLag(short[] reference, short[] decoded, int maxLag, int skip) {
        int best = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (snr(reference, decoded, lag, skip) > snr(reference, decoded, best, skip)) {
                best = lag;
            }
        }
        return best;
    }
}
