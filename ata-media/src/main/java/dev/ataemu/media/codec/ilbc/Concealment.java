package dev.ataemu.media.codec.ilbc;

/**
 * Packet-loss concealment of the residual (RFC 3951 section 4.5): a lost frame's residual repeats
 * the last good one at the pitch lag found near the enhancer's estimate, mixed with a noise-like
 * excitation (random lags into the past) by how periodic the past was, and attenuated over the frame
 * and after 40 ms of consecutive losses. The last good LPC filter is kept.
 */
final class Concealment {

    private final IlbcMode mode;
    private int consecutive;
    private boolean previousLost;
    private int previousLag = 120;
    private float periodicity;
    private final float[] previousLpc = new float[Frame.ORDER + 1];
    private final float[] previousResidual = new float[Frame.MAX_BLOCK];
    private long seed = 777;

    Concealment(IlbcMode mode) {
        this.mode = mode;
        previousLpc[0] = 1f;
    }

    /** Records a good frame's residual and its last sub-frame's LPC filter. */
    void good(float[] residual, float[] lpc, int lpcOff) {
        consecutive = 0;
        previousLost = false;
        System.arraycopy(lpc, lpcOff, previousLpc, 0, Frame.ORDER + 1);
        System.arraycopy(residual, 0, previousResidual, 0, mode.block);
    }

    /** Writes a concealed residual and the LPC filter to synthesise it with. */
    void conceal(int lagEstimate, float[] residual, float[] lpc) {
        int block = mode.block;
        consecutive++;
        int lag;
        float maxPeriodicity;
        if (!previousLost) {
            lag = lagEstimate - 3;
            float[] best = correlation(lag);
            for (int i = lagEstimate - 2; i <= lagEstimate + 3; i++) {
                float[] c = correlation(i);
                if (c[0] > best[0]) {
                    best = c;
                    lag = i;
                }
            }
            maxPeriodicity = best[1];
        } else {
            lag = previousLag;
            maxPeriodicity = periodicity;
        }
        // the reference's chain of tests lets only its first step (0.9 after 320 samples) take effect
        float gain = consecutive * block > 320 ? 0.9f : 1f;
        float voicing = (float) Math.sqrt(maxPeriodicity);
        float pitchFactor = voicing > 0.7f ? 1f : voicing > 0.4f ? (voicing - 0.4f) / (0.7f - 0.4f) : 0f;
        // a lag past the stored residual (the enhancer can report up to twice its search range) is cut to one frame
        int useLag = Math.min(lag < 80 ? 2 * lag : lag, block);

        float[] noise = new float[block];
        float energy = 0;
        for (int i = 0; i < block; i++) {
            seed = (seed * 69069L + 1) & 0x7FFFFFFFL;
            int pick = i - (int) (50 + seed % 70);
            noise[i] = pick < 0 ? previousResidual[block + pick] : noise[pick];
            pick = i - useLag;
            float periodic = pick < 0 ? previousResidual[block + pick] : residual[pick];
            float fade = i < 80 ? 1f : i < 160 ? 0.95f : 0.9f;
            residual[i] = fade * gain * (pitchFactor * periodic + (1f - pitchFactor) * noise[i]);
            energy += residual[i] * residual[i];
        }
        // below 30 (rms, 16-bit scale) the periodic part is not worth keeping: use only noise
        if (Math.sqrt(energy / block) < 30.0) {
            System.arraycopy(noise, 0, residual, 0, block);
        }
        System.arraycopy(previousLpc, 0, lpc, 0, Frame.ORDER + 1);

        previousLag = lag;
        periodicity = maxPeriodicity;
        previousLost = true;
        System.arraycopy(residual, 0, previousResidual, 0, block);
    }

    /** {correlation measure, periodicity} of the last 60 samples of the previous residual at {@code lag}. */
    private float[] correlation(int lag) {
        int len = mode.block;
        int range = 60;
        if (len - range - lag < 0) {
            range = len - lag;
        }
        float cross = 0;
        float past = 0;
        float now = 0;
        for (int i = 0; i < range; i++) {
            float x = previousResidual[len - range + i];
            float y = previousResidual[len - range + i - lag];
            cross += x * y;
            past += y * y;
            now += x * x;
        }
        if (past <= 0) {
            return new float[] {0f, 0f};
        }
        return new float[] {cross * cross / past, Math.abs(cross) / ((float) Math.sqrt(past) * (float) Math.sqrt(now))};
    }
}
