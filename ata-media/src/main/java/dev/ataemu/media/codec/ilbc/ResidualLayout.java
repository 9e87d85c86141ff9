package dev.ataemu.media.codec.ilbc;

import java.util.Arrays;

/**
 * How a frame's residual is built around its start state (RFC 3951 sections 3.6 and 4.3), shared by
 * encoder and decoder: first the rest of the 80-sample state pair (22 or 23 samples, forwards or,
 * when the scalar part comes last, backwards in time), then the sub-frames after the state one by
 * one, then those before it, backwards in time. Each piece is coded from a codebook over the residual
 * decoded so far, in the direction of coding; going backwards, everything is time reversed.
 */
final class ResidualLayout {

    /** Codes one piece: the encoder searches and decodes, the decoder only decodes. */
    interface PieceCoder {
        /**
         * Codes {@code len} samples of {@code target} at {@code tOff} (null in the decoder) from the
         * last {@code lMem} samples of {@code mem}, weighting with sub-frame {@code weightSubframe}'s
         * filter, as sub-block {@code block}; writes the decoded piece into {@code out} at {@code outOff}.
         */
        void code(int block, float[] target, int tOff, float[] mem, int lMem, int len, int weightSubframe,
                float[] out, int outOff);
    }

    private ResidualLayout() {
    }

    /** The first sample of the scalar-coded state within the frame. */
    static int stateStart(IlbcMode mode, int start, boolean stateFirst) {
        int diff = Frame.STATE - mode.stateShortLength;
        return (start - 1) * Frame.SUBFRAME + (stateFirst ? 0 : diff);
    }

    /**
     * Fills {@code decoded} (whose scalar-coded state is already in place) from the pieces;
     * {@code residual} is the encoder's target signal, null in the decoder.
     */
    static void build(IlbcMode mode, int start, boolean stateFirst, float[] residual, float[] decoded, PieceCoder coder) {
        int ssl = mode.stateShortLength;
        int diff = Frame.STATE - ssl;
        int statePos = stateStart(mode, start, stateFirst);
        int memL = Frame.CB_MEMORY;
        float[] mem = new float[memL];
        float[] reversedTarget = residual == null ? null : new float[Frame.MAX_BLOCK];
        float[] reversedDecoded = new float[Frame.MAX_BLOCK];

        if (stateFirst) {
            System.arraycopy(decoded, statePos, mem, memL - ssl, ssl);
            coder.code(0, residual, statePos + ssl, mem, Frame.CB_STATE_MEMORY, diff, start, decoded, statePos + ssl);
        } else {
            if (residual != null) {
                for (int k = 0; k < diff; k++) {
                    reversedTarget[k] = residual[(start + 1) * Frame.SUBFRAME - 1 - (k + ssl)];
                }
            }
            for (int k = 0; k < ssl; k++) {
                mem[memL - 1 - k] = decoded[statePos + k];
            }
            coder.code(0, reversedTarget, 0, mem, Frame.CB_STATE_MEMORY, diff, start - 1, reversedDecoded, 0);
            for (int k = 0; k < diff; k++) {
                decoded[statePos - 1 - k] = reversedDecoded[k];
            }
        }

        int block = 1;
        int forward = mode.subframes - start - 1;
        if (forward > 0) {
            Arrays.fill(mem, 0f);
            System.arraycopy(decoded, (start - 1) * Frame.SUBFRAME, mem, memL - Frame.STATE, Frame.STATE);
            for (int s = 0; s < forward; s++) {
                int at = (start + 1 + s) * Frame.SUBFRAME;
                coder.code(block++, residual, at, mem, memL, Frame.SUBFRAME, start + 1 + s, decoded, at);
                push(mem, decoded, at);
            }
        }

        int backward = start - 1;
        if (backward > 0) {
            int end = (start - 1) * Frame.SUBFRAME;
            if (residual != null) {
                for (int i = 0; i < end; i++) {
                    reversedTarget[i] = residual[end - 1 - i];
                }
            }
            Arrays.fill(mem, 0f);
            int gotten = Math.min(Frame.SUBFRAME * (mode.subframes + 1 - start), memL);
            for (int k = 0; k < gotten; k++) {
                mem[memL - 1 - k] = decoded[end + k];
            }
            for (int s = 0; s < backward; s++) {
                int at = s * Frame.SUBFRAME;
                coder.code(block++, reversedTarget, at, mem, memL, Frame.SUBFRAME, start - 2 - s, reversedDecoded, at);
                push(mem, reversedDecoded, at);
            }
            for (int i = 0; i < end; i++) {
                decoded[end - 1 - i] = reversedDecoded[i];
            }
        }
    }

    /** Shifts the codebook memory by a sub-frame and appends the piece just decoded. */
    private static void push(float[] mem, float[] piece, int at) {
        System.arraycopy(mem, Frame.SUBFRAME, mem, 0, mem.length - Frame.SUBFRAME);
        System.arraycopy(piece, at, mem, mem.length - Frame.SUBFRAME, Frame.SUBFRAME);
    }
}
