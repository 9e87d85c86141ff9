package dev.ataemu.media.codec.ilbc;

/**
 * The two frame sizes of RFC 3951: 20 ms (38 bytes, 15.2 kbit/s) and 30 ms (50 bytes, 13.33 kbit/s).
 * A 30 ms frame has two LPC analyses and six sub-frames, a 20 ms frame one analysis and four.
 */
public enum IlbcMode {
    MS_20(20, 38, 1, 57, new float[] {3f / 4, 2f / 4, 1f / 4, 0f}),
    MS_30(30, 50, 2, 58, new float[] {1f / 2, 1f, 2f / 3, 1f / 3, 0f, 0f});

    final int frameMs;
    final int bytes;
    final int block;
    final int subframes;
    /** Sub-blocks coded with the adaptive codebook outside the start state. */
    final int codedSubframes;
    final int lpcSets;
    final int stateShortLength;
    /** Per sub-frame weight of the older LSF set in the interpolation (section 3.2.5). */
    final float[] lsfWeights;

    IlbcMode(int frameMs, int bytes, int lpcSets, int stateShortLength, float[] lsfWeights) {
        this.frameMs = frameMs;
        this.bytes = bytes;
        this.block = frameMs * 8;
        this.subframes = block / Frame.SUBFRAME;
        this.codedSubframes = subframes - 2;
        this.lpcSets = lpcSets;
        this.stateShortLength = stateShortLength;
        this.lsfWeights = lsfWeights;
    }

    public int frameMs() {
        return frameMs;
    }

    /** Payload bytes of one frame. */
    public int bytes() {
        return bytes;
    }

    /** 8 kHz samples of one frame. */
    public int samples() {
        return block;
    }

    /** The mode for an SDP {@code mode=} value or a frame length in ms (20 or 30). */
    public static IlbcMode ofMilliseconds(int ms) {
        return switch (ms) {
            case 20 -> MS_20;
            case 30 -> MS_30;
            default -> throw new IllegalArgumentException("iLBC has 20 and 30 ms frames, not " + ms);
        };
    }
}
