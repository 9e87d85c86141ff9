package dev.ataemu.media.codec.ilbc;

/**
 * The RFC 3951 decoder for one stream (section 4): LSF dequantisation and interpolation, the start
 * state, the codebook-coded residual, concealment of lost frames, the enhancer, LPC synthesis and the
 * output high-pass filter.
 */
final class IlbcDecoder {

    private static final int STRIDE = Frame.ORDER + 1;

    private final IlbcMode mode;
    private final boolean enhance;
    private final float[] lsfOld = LsfTables.MEAN.clone();
    private final float[] synthesisMemory = new float[Frame.ORDER];
    private final float[] previousSynth;
    private final Concealment concealment;
    private final Enhancer enhancer;
    private final Filters.HighPass highPass =
            new Filters.HighPass(QuantizerTables.HP_OUTPUT_ZEROS, QuantizerTables.HP_OUTPUT_POLES);
    private int lastLag = 20;
    private boolean previousConcealed;

    IlbcDecoder(IlbcMode mode, boolean enhance) {
        this.mode = mode;
        this.enhance = enhance;
        this.concealment = new Concealment(mode);
        this.enhancer = new Enhancer(mode);
        previousSynth = new float[mode.subframes * STRIDE];
        for (int i = 0; i < mode.subframes; i++) {
            previousSynth[i * STRIDE] = 1f;
        }
    }

    /**
     * Decodes the frame at {@code in[offset..]}, or conceals one when {@code in} is null or the frame
     * is marked empty or names an impossible start state or codebook vector; writes {@code mode.samples()} samples.
     */
    void decode(byte[] in, int offset, short[] out, int outOffset) {
        int block = mode.block;
        float[] residual = new float[block];
        float[] synth = new float[mode.subframes * STRIDE];
        FrameParameters p = new FrameParameters();
        boolean good = in != null && BitStream.unpack(mode, in, offset, p) && p.start >= 1 && p.start < mode.subframes
                && p.indexesValid(mode);
        if (good) {
            p.expandFirstSubBlock();
            float[] lsf = new float[2 * Frame.ORDER];
            for (int k = 0; k < mode.lpcSets; k++) {
                Lsf.dequantize(p.lsf, 3 * k, lsf, k * Frame.ORDER);
            }
            Lsf.stabilize(lsf, mode.lpcSets);
            Lsf.perSubframe(mode, lsfOld, lsf, synth);
            System.arraycopy(lsf, (mode.lpcSets - 1) * Frame.ORDER, lsfOld, 0, Frame.ORDER);

            boolean stateFirst = p.stateFirst == 1;
            StartState.decode(p, mode.stateShortLength, synth, (p.start - 1) * STRIDE, residual,
                    ResidualLayout.stateStart(mode, p.start, stateFirst));
            ResidualLayout.build(mode, p.start, stateFirst, null, residual,
                    (b, target, tOff, mem, lMem, len, weightSubframe, dest, destOff) -> Codebook.construct(
                            mem, Frame.CB_MEMORY - lMem, lMem, p.index[b], p.gain[b], len, dest, destOff));
            concealment.good(residual, synth, (mode.subframes - 1) * STRIDE);
        } else {
            float[] lpc = new float[STRIDE];
            concealment.conceal(lastLag, residual, lpc);
            for (int i = 0; i < mode.subframes; i++) {
                System.arraycopy(lpc, 0, synth, i * STRIDE, STRIDE);
            }
        }

        float[] data = new float[block];
        if (enhance) {
            lastLag = enhancer.enhance(residual, data, previousConcealed);
            // the enhanced signal lags by one or two sub-frames: synthesise it with the filters of its time
            int delay = mode == IlbcMode.MS_20 ? 1 : 2;
            for (int i = 0; i < mode.subframes; i++) {
                float[] a = i < delay ? previousSynth : synth;
                int at = i < delay ? (i + mode.subframes - delay) * STRIDE : (i - delay) * STRIDE;
                Filters.synthesis(data, i * Frame.SUBFRAME, Frame.SUBFRAME, a, at, synthesisMemory);
            }
        } else {
            lastLag = pitchOfLastBlock(residual);
            System.arraycopy(residual, 0, data, 0, block);
            for (int i = 0; i < mode.subframes; i++) {
                Filters.synthesis(data, i * Frame.SUBFRAME, Frame.SUBFRAME, synth, i * STRIDE, synthesisMemory);
            }
        }
        highPass.filter(data, 0, data, 0, block);
        for (int i = 0; i < block; i++) {
            out[outOffset + i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(data[i])));
        }
        System.arraycopy(synth, 0, previousSynth, 0, synth.length);
        previousConcealed = !good;
    }

    /** Without the enhancer, the concealment's lag estimate comes from the frame's last 80 samples. */
    private int pitchOfLastBlock(float[] residual) {
        int at = mode.block - PitchSmoother.BLOCK;
        int lag = 20;
        float best = Enhancer.correlation(residual, at, residual, at - lag, PitchSmoother.BLOCK);
        for (int l = 21; l < Math.min(120, at + 1); l++) {
            float c = Enhancer.correlation(residual, at, residual, at - l, PitchSmoother.BLOCK);
            if (c > best) {
                best = c;
                lag = l;
            }
        }
        return lag;
    }
}
