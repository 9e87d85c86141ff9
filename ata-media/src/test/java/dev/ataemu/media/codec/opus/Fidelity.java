package dev.ataemu.media.codec.opus;

/**
 * How closely decoded audio follows its source: the codec's delay found by cross-correlation, then
 * the waveform SNR and the correlation coefficient over the aligned signals.
 */
record Fidelity(int delay, double snrDb, double correlation) {

    /** Compares {@code decoded} with {@code source}, looking for a delay up to {@code maxDelay} samples. */
    static Fidelity of(short[] source, short[] decoded, int maxDelay, int skip) {
        int length = Math.min(source.length, decoded.length - maxDelay) - skip;
        int best = 0;
        double bestCorrelation = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= maxDelay; lag++) {
            double c = correlation(source, decoded, lag, skip, length);
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = lag;
            }
        }
        double signal = 0;
        double noise = 0;
        for (int n = skip; n < skip + length; n++) {
            double error = decoded[n + best] - source[n];
            signal += (double) source[n] * source[n];
            noise += error * error;
        }
        return new Fidelity(best, 10 * Math.log10(signal / noise), bestCorrelation);
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
        return String.format("delay %d samples, SNR %.1f dB, correlation %.3f", delay, snrDb, correlation);
    }
}
