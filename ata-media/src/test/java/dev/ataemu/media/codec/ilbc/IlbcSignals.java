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

    /** How closely {@code b} follows {@code a}: the best delay of b (0 to maxDelay), and SNR and correlation there. */
    record Fidelity(int delay, double snrDb, double correlation, double segmentalSnrDb) {

        static Fidelity of(short[] a, short[] b, int maxDelay, int skip) {
            int length = Math.min(a.length, b.length - maxDelay) - skip;
            int best = 0;
            double bestCorrelation = Double.NEGATIVE_INFINITY;
            for (int lag = 0; lag <= maxDelay; lag++) {
                double c = correlation(a, b, lag, skip, length);
                if (c > bestCorrelation) {
                    bestCorrelation = c;
                    best = lag;
                }
            }
            double signal = 0;
            double noise = 0;
            double segmental = 0;
            int segments = 0;
            double segSignal = 0;
            double segNoise = 0;
            for (int n = skip; n < skip + length; n++) {
                double e = b[n + best] - a[n];
                signal += (double) a[n] * a[n];
                noise += e * e;
                segSignal += (double) a[n] * a[n];
                segNoise += e * e;
                if ((n - skip) % 160 == 159) {
                    if (segSignal > 160 * 100.0) {
                        segmental += Math.max(-10, Math.min(35, 10 * Math.log10(segSignal / Math.max(segNoise, 1e-9))));
                        segments++;
                    }
                    segSignal = 0;
                    segNoise = 0;
                }
            }
            return new Fidelity(best, 10 * Math.log10(signal / noise), bestCorrelation,
                    segments == 0 ? Double.NaN : segmental / segments);
        }

        private static double correlation(short[] a, short[] b, int lag, int from, int length) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int n = from; n < from + length; n++) {
                ab += (double) a[n] * b[n + lag];
                aa += (double) a[n] * a[n];
                bb += (double) b[n + lag] * b[n + lag];
            }
            return ab / Math.sqrt(aa * bb);
        }

        @Override
        public String toString() {
            return String.format("delay %d, SNR %.1f dB, segmental SNR %.1f dB, correlation %.3f", delay, snrDb,
                    segmentalSnrDb, correlation);
        }
    }
}
