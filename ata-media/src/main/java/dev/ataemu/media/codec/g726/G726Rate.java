package dev.ataemu.media.codec.g726;

/**
 * The four G.726 bit rates and the tables that differ between them, indexed by the magnitude
 * |I| of the ADPCM codeword: the quantizer's decision levels in the log domain (QUAN, as the
 * lowest normalised DLN of each |I| from 1 up), the reconstruction levels DQLN (RECONST), the
 * scale-factor multipliers W(I) (FUNCTW, in units of 1/16) and the speed-control values F(I)
 * (FUNCTF).
 */
public enum G726Rate {
    KBIT_16(2, new int[] {261}, new int[] {116, 365}, new int[] {-22, 439}, new int[] {0, 7}),
    KBIT_24(3, new int[] {8, 218, 331}, new int[] {-2048, 135, 273, 373}, new int[] {-4, 30, 137, 582},
            new int[] {0, 1, 2, 7}),
    KBIT_32(4, new int[] {-124, 80, 178, 246, 300, 349, 400},
            new int[] {-2048, 4, 135, 213, 273, 323, 373, 425},
            new int[] {-12, 18, 41, 64, 112, 198, 355, 1122}, new int[] {0, 0, 0, 1, 1, 1, 3, 7}),
    KBIT_40(5, new int[] {-122, -16, 68, 139, 198, 250, 298, 339, 378, 413, 445, 475, 502, 528, 553},
            new int[] {-2048, -66, 28, 104, 169, 224, 274, 318, 358, 395, 429, 459, 488, 514, 539, 566},
            new int[] {14, 14, 24, 39, 40, 41, 58, 100, 141, 179, 219, 280, 358, 440, 529, 696},
            new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6});

    final int bits;
    final int[] decisionLevels;
    final int[] reconstructionLevels;
    final int[] scaleMultipliers;
    final int[] speedControl;

    G726Rate(int bits, int[] decisionLevels, int[] reconstructionLevels, int[] scaleMultipliers, int[] speedControl) {
        this.bits = bits;
        this.decisionLevels = decisionLevels;
        this.reconstructionLevels = reconstructionLevels;
        this.scaleMultipliers = scaleMultipliers;
        this.speedControl = speedControl;
    }

    /** Bits per codeword (2 to 5). */
    public int bits() {
        return bits;
    }

    /** The bit rate in kbit/s. */
    public int kbps() {
        return bits * 8;
    }

    /** At 16 kbit/s no level means zero, so a small positive difference keeps codeword 0. */
    boolean hasZeroLevel() {
        return this != KBIT_16;
    }

    /** At 40 kbit/s the zero-predictor coefficients leak more slowly (UPB). */
    int zeroLeakShift() {
        return this == KBIT_40 ? 9 : 8;
    }
}
