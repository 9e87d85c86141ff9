package dev.ataemu.ivr;

/** How loud line audio is. */
final class Loudness {

    private Loudness() {
    }

    /** The RMS level in dBFS of the samples from {@code fromMs} to {@code toMs}; -120 for silence. */
    static double dbfs(short[] samples, int fromMs, int toMs) {
        int from = fromMs * 8;
        int to = Math.min(samples.length, toMs * 8);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        double rms = Math.sqrt(sum / Math.max(1, to - from)) / 32768.0;
        return rms == 0 ? -120 : 20 * Math.log10(rms);
    }
}
