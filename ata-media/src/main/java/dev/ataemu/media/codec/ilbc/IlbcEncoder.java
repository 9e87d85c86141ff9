package dev.ataemu.media.codec.ilbc;

/**
 * The RFC 3951 encoder for one stream (section 3): high-pass, LPC analysis, the LPC residual, the
 * start state where the residual is strongest, the adaptive codebook for the rest, and the bit
 * stream.
 */
final class IlbcEncoder {

    private static final float[] SUBFRAME_PAIR_WEIGHT = {0.8f, 0.9f, 1.0f, 0.9f, 0.8f};
    private static final float[] EDGE_RAMP = {1f / 6, 2f / 6, 3f / 6, 4f / 6, 5f / 6};

    private final IlbcMode mode;
    private final Filters.HighPass highPass =
            new Filters.HighPass(QuantizerTables.HP_INPUT_ZEROS, QuantizerTables.HP_INPUT_POLES);
    private final LpcAnalysis lpc;
    private final float[] analysisMemory = new float[Frame.ORDER];

    IlbcEncoder(IlbcMode mode) {
        this.mode = mode;
        this.lpc = new LpcAnalysis(mode);
    }

    /** Encodes one frame of {@code mode.samples()} samples into {@code mode.bytes()} bytes. */
    void encode(short[] pcm, int offset, byte[] out, int outOffset) {
        int block = mode.block;
        float[] data = new float[block];
        for (int i = 0; i < block; i++) {
            data[i] = pcm[offset + i];
        }
        highPass.filter(data, 0, data, 0, block);

        FrameParameters p = new FrameParameters();
        int stride = Frame.ORDER + 1;
        float[] synth = new float[mode.subframes * stride];
        float[] weight = new float[mode.subframes * stride];
        lpc.analyse(data, p, synth, weight);

        float[] residual = new float[block];
        for (int n = 0; n < mode.subframes; n++) {
            Filters.analysis(data, n * Frame.SUBFRAME, Frame.SUBFRAME, synth, n * stride, residual, n * Frame.SUBFRAME,
                    analysisMemory);
        }

        int start = strongestSubframePair(residual);
        int ssl = mode.stateShortLength;
        int diff = Frame.STATE - ssl;
        int pairStart = (start - 1) * Frame.SUBFRAME;
        boolean stateFirst = energy(residual, pairStart, ssl) > energy(residual, pairStart + diff, ssl);
        p.start = start;
        p.stateFirst = stateFirst ? 1 : 0;
        int statePos = ResidualLayout.stateStart(mode, start, stateFirst);

        float[] decoded = new float[block];
        StartState.encode(residual, statePos, ssl, synth, weight, (start - 1) * stride, stateFirst, p);
        StartState.decode(p, ssl, synth, (start - 1) * stride, decoded, statePos);
        ResidualLayout.build(mode, start, stateFirst, residual, decoded,
                (b, target, tOff, mem, lMem, len, weightSubframe, dest, destOff) -> {
                    int memOff = Frame.CB_MEMORY - lMem;
                    new CodebookSearch(mem, memOff, lMem, target, tOff, len, weight, weightSubframe * stride)
                            .search(b, p.index[b], p.gain[b]);
                    Codebook.construct(mem, memOff, lMem, p.index[b], p.gain[b], len, dest, destOff);
                });
        p.compactFirstSubBlock();
        BitStream.pack(mode, p, out, outOffset);
    }

    /**
     * The 1-based sub-frame pair with the most residual energy (section 3.5.1), the pair's edges
     * tapered and the pairs near the frame's ends slightly discounted.
     */
    private int strongestSubframePair(float[] residual) {
        int n = mode.subframes;
        float[] front = new float[n];
        float[] back = new float[n];
        for (int s = 0; s < n; s++) {
            for (int l = 0; l < Frame.SUBFRAME; l++) {
                float e = residual[s * Frame.SUBFRAME + l] * residual[s * Frame.SUBFRAME + l];
                if (s < n - 1) {
                    front[s] += l < 5 ? EDGE_RAMP[l] * e : e;
                }
                if (s > 0) {
                    back[s] += l >= Frame.SUBFRAME - 5 ? EDGE_RAMP[Frame.SUBFRAME - l - 1] * e : e;
                }
            }
        }
        int w = mode == IlbcMode.MS_20 ? 1 : 0;
        float best = (front[0] + back[1]) * SUBFRAME_PAIR_WEIGHT[w];
        int bestPair = 1;
        for (int s = 2; s < n; s++) {
            w++;
            float e = (front[s - 1] + back[s]) * SUBFRAME_PAIR_WEIGHT[w];
            if (e > best) {
                best = e;
                bestPair = s;
            }
        }
        return bestPair;
    }

    private static float energy(float[] x, int off, int len) {
        float e = 0;
        for (int i = off; i < off + len; i++) {
            e += x[i] * x[i];
        }
        return e;
    }
}
