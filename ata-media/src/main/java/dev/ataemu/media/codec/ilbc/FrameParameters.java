package dev.ataemu.media.codec.ilbc;

/**
 * Everything one frame transmits, as quantiser indexes (RFC 3951 section 3.8). Sub-block 0 of the
 * codebook indexes and gains is the start state's extension (22 or 23 samples); the others are the
 * 40-sample sub-blocks in coding order: forward from the start state, then backward.
 */
final class FrameParameters {

    final int[] lsf = new int[6];
    /** Which sub-frame pair (1-based, 1 to subframes - 1) holds the start state. */
    int start;
    /** 1 when the scalar-coded part is at the beginning of the 80-sample state. */
    int stateFirst;
    int peakIndex;
    final int[] state = new int[58];
    final int[][] index = new int[5][Frame.STAGES];
    final int[][] gain = new int[5][Frame.STAGES];

    /**
     * Second and third stage indexes of the first 40-sample sub-block have 7 bits: the encoder can
     * only choose 128 of the 256 vectors there, and the bit stream numbers them contiguously.
     */
    void compactFirstSubBlock() {
        for (int k = 1; k < Frame.STAGES; k++) {
            int i = index[1][k];
            if (i >= 108 && i < 172) {
                index[1][k] = i - 64;
            } else if (i >= 236) {
                index[1][k] = i - 128;
            }
        }
    }

    void expandFirstSubBlock() {
        for (int k = 1; k < Frame.STAGES; k++) {
            int i = index[1][k];
            if (i >= 44 && i < 108) {
                index[1][k] = i + 64;
            } else if (i >= 108 && i < 128) {
                index[1][k] = i + 128;
            }
        }
    }

    /**
     * Whether every codebook index names a vector. Only the 20 ms state extension can go wrong: its
     * 7 bits reach 128, its codebook has 126 vectors.
     */
    boolean indexesValid(IlbcMode mode) {
        int size = 2 * Codebook.halfSize(Frame.CB_STATE_MEMORY, Frame.STATE - mode.stateShortLength);
        for (int k = 0; k < Frame.STAGES; k++) {
            if (index[0][k] >= size) {
                return false;
            }
        }
        return true;
    }
}
