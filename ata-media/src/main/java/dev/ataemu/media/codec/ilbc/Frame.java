package dev.ataemu.media.codec.ilbc;

/** The frame geometry RFC 3951 shares between its two modes (section 2 and the reference's iLBC_define.h). */
final class Frame {

    static final int ORDER = 10;
    static final int SUBFRAME = 40;
    /** The start state spans two sub-frames; its scalar-coded part is 57 or 58 samples of them. */
    static final int STATE = 80;
    static final int STAGES = 3;
    /** The adaptive codebook's memory, in samples of decoded residual. */
    static final int CB_MEMORY = 147;
    /** The memory for the start state's codebook-coded extension. */
    static final int CB_STATE_MEMORY = 85;
    static final int MAX_BLOCK = 240;
    static final int MAX_SUBFRAMES = 6;
    static final int LPC_LOOKBACK = 60;
    static final int LPC_WINDOW = 240;
    static final float CHIRP_SYNTHESIS = 0.9025f;
    static final float CHIRP_WEIGHTING = 0.4222f;
    static final float EPS = 2.220446049250313e-016f;

    private Frame() {
    }
}
