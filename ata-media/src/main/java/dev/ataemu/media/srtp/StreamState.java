package dev.ataemu.media.srtp;

/**
 * What a crypto context keeps per SSRC (RFC 3711 section 3.2.1): the highest SRTP index, which
 * holds both the rollover counter (its upper 32 bits) and s_l (its lower 16), with the replay list
 * around it; and the SRTCP index, sent or received.
 */
final class StreamState {

    /** SRTP indices have 48 bits. */
    static final long MAX_SRTP_INDEX = (1L << 48) - 1;
    /** SRTCP indices have 31 bits. */
    static final long MAX_SRTCP_INDEX = (1L << 31) - 1;

    int ssrc;
    long lastUse;
    final ReplayWindow rtp = new ReplayWindow();
    final ReplayWindow rtcp = new ReplayWindow();
    long nextRtcpIndex;

    void reset(int ssrc) {
        this.ssrc = ssrc;
        rtp.reset();
        rtcp.reset();
        nextRtcpIndex = 0;
    }

    /**
     * The packet index for a sequence number (RFC 3711 section 3.3.1 and Appendix A): the
     * rollover counter guessed as ROC - 1, ROC or ROC + 1, whichever puts the index nearest s_l.
     * Returns -1 when the guess falls before the first rollover; may exceed {@link #MAX_SRTP_INDEX}.
     */
    long estimateIndex(int seq) {
        long highest = rtp.highest();
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xFFFF);
        long v;
        if (sl < 32768) {
            v = seq - sl > 32768 ? roc - 1 : roc;
        } else {
            v = sl - 32768 > seq ? roc + 1 : roc;
        }
        if (v < 0) {
            return -1;
        }
        return (v << 16) | seq;
    }
}
