package dev.ataemu.media.codec.g726;

/**
 * The G.726 ADPCM algorithm for one direction of one stream, with uniform 14-bit PCM in and out
 * (G.726 Annex A, so no log-PCM conversion and no synchronous coding adjustment). Block names
 * follow the recommendation's section 4; word lengths and rounding are those of its integer
 * description, so encoder and decoder track each other bit for bit.
 */
final class G726Adpcm {

    private final G726Rate rate;
    private final int codeMask;

    private int yl = 34816;
    private int yu = 544;
    private int dms;
    private int dml;
    private int ap;
    private boolean td;
    private final int[] a = new int[2];
    private final int[] b = new int[6];
    private final int[] dq = {32, 32, 32, 32, 32, 32};
    private final int[] sr = {32, 32};
    private final int[] pk = new int[2];

    private int se;
    private int sez;
    private int y;
    private int reconstructed;

    G726Adpcm(G726Rate rate) {
        this.rate = rate;
        this.codeMask = (1 << rate.bits) - 1;
    }

    /** Codes one 14-bit sample, returns the codeword I. */
    int encode(int sl) {
        predict();
        int d = sl - se;
        int magnitude = Math.abs(d);
        int exp = bits(magnitude >> 1);
        int dl = (exp << 7) + (((magnitude << 7) >> exp) & 127);
        int dln = dl - (y >> 2);
        int level = 0;
        while (level < rate.decisionLevels.length && dln >= rate.decisionLevels[level]) {
            level++;
        }
        int code;
        if (d < 0) {
            code = codeMask - level;
        } else {
            code = level == 0 && rate.hasZeroLevel() ? codeMask : level;
        }
        reconstruct(code);
        return code;
    }

    /** Decodes one codeword, returns the reconstructed 14-bit sample SR. */
    int decode(int code) {
        predict();
        reconstruct(code & codeMask);
        return reconstructed;
    }

    /** FMULT and ACCUM: the signal estimate; MIX: the quantizer scale factor. */
    private void predict() {
        int sezi = 0;
        for (int i = 0; i < 6; i++) {
            sezi += fmult(b[i] >> 2, dq[i]);
        }
        int sei = sezi + fmult(a[1] >> 2, sr[1]) + fmult(a[0] >> 2, sr[0]);
        sez = sezi >> 1;
        se = sei >> 1;
        if (ap >= 256) {
            y = yu;
        } else {
            int ylShort = yl >> 6;
            int dif = yu - ylShort;
            int al = ap >> 2;
            y = ylShort + (dif >= 0 ? (dif * al) >> 6 : -((-dif * al) >> 6));
        }
    }

    /** RECONST, ADDA, ANTILOG, ADDB, ADDC and every adaptation step. */
    private void reconstruct(int code) {
        int sign = code >> (rate.bits - 1);
        int level = sign != 0 ? codeMask - code : code;
        int dql = rate.reconstructionLevels[level] + (y >> 2);
        int dqMagnitude = dql < 0 ? 0 : ((128 + (dql & 127)) << 7) >> (14 - ((dql >> 7) & 15));
        int dqValue = sign != 0 ? -dqMagnitude : dqMagnitude;
        reconstructed = se + dqValue;
        int dqsez = dqValue + sez;
        adapt(level, sign, dqMagnitude, dqsez);
    }

    private void adapt(int level, int sign, int dqMagnitude, int dqsez) {
        boolean tr = td && dqMagnitude > transitionThreshold();

        yu = Math.max(544, Math.min(5120, y + ((rate.scaleMultipliers[level] * 32 - y) >> 5)));
        yl += yu + ((-yl) >> 6);

        int pk0 = dqsez < 0 ? 1 : 0;
        int a2p = 0;
        if (tr) {
            a[0] = 0;
            a[1] = 0;
            java.util.Arrays.fill(b, 0);
        } else {
            boolean zero = dqsez == 0;
            a2p = a[1] - (a[1] >> 7);
            if (!zero) {
                int fa1 = (pk0 ^ pk[0]) != 0 ? a[0] : -a[0];
                a2p += fa1 < -8191 ? -256 : fa1 > 8191 ? 255 : fa1 >> 5;
                a2p += (pk0 ^ pk[1]) != 0 ? -128 : 128;
                a2p = Math.max(-12288, Math.min(12288, a2p));
            }
            int a1p = a[0] - (a[0] >> 8);
            if (!zero) {
                a1p += (pk0 ^ pk[0]) == 0 ? 192 : -192;
            }
            int a1Limit = 15360 - a2p;
            a[0] = Math.max(-a1Limit, Math.min(a1Limit, a1p));
            a[1] = a2p;
            for (int i = 0; i < 6; i++) {
                b[i] -= b[i] >> rate.zeroLeakShift();
                if (dqMagnitude != 0) {
                    b[i] += sign == ((dq[i] >> 10) & 1) ? 128 : -128;
                }
            }
        }

        System.arraycopy(dq, 0, dq, 1, 5);
        dq[0] = toFloat(sign, dqMagnitude);
        sr[1] = sr[0];
        sr[0] = reconstructed < 0 ? toFloat(1, -reconstructed & 0x7FFF) : toFloat(0, reconstructed);
        pk[1] = pk[0];
        pk[0] = pk0;

        td = !tr && a2p < -11776;

        int f = rate.speedControl[level];
        dms += ((f << 9) - dms) >> 5;
        dml += ((f << 11) - dml) >> 7;
        if (tr) {
            ap = 256;
        } else if (y < 1536 || td || Math.abs((dms << 2) - dml) >= (dml >> 3)) {
            ap += (512 - ap) >> 4;
        } else {
            ap += (-ap) >> 4;
        }
    }

    /** TRANS: the magnitude of DQ above which a tone's end counts as a transition. */
    private int transitionThreshold() {
        int ylint = yl >> 15;
        int ylfrac = (yl >> 10) & 31;
        int thr = ylint > 9 ? 31 << 10 : (32 + ylfrac) << ylint;
        return (thr + (thr >> 1)) >> 1;
    }

    /** The predictor's floating-point multiply of a coefficient (already shifted) and a stored value. */
    private static int fmult(int an, int stored) {
        int anMagnitude = an > 0 ? an : (-an) & 0x1FFF;
        int anExp = bits(anMagnitude) - 6;
        int anMant = anMagnitude == 0 ? 32 : anExp >= 0 ? anMagnitude >> anExp : anMagnitude << -anExp;
        int wanExp = anExp + ((stored >> 6) & 15) - 13;
        int wanMant = (anMant * (stored & 63) + 48) >> 4;
        int product = wanExp >= 0 ? (wanMant << wanExp) & 0x7FFF : wanMant >> -wanExp;
        boolean negative = (an < 0) != (((stored >> 10) & 1) != 0);
        return negative ? -product : product;
    }

    /** FLOATA/FLOATB: sign, 4-bit exponent and 6-bit mantissa in 11 bits. */
    private static int toFloat(int sign, int magnitude) {
        int exp = bits(magnitude);
        int mant = magnitude == 0 ? 32 : (magnitude << 6) >> exp;
        return sign << 10 | exp << 6 | mant;
    }

    private static int bits(int value) {
        return Math.min(15, 32 - Integer.numberOfLeadingZeros(value));
    }
}
