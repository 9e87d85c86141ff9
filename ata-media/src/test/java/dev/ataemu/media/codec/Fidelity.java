package dev.ataemu.media.codec;

/** How closely {@code b} follows {@code a}: the best delay of b (0 to maxDelay), and SNR and correlation there. */
public record Fidelity(int delay, double snrDb, double correlation, double segmentalSnrDb) {

    public static Fidelity of(short[] a, short[] b, int maxDelay, int skip) {
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
