package dev.ataemu.media.srtp;

/** Why an SRTP or SRTCP packet was discarded on receipt. */
public enum DropReason {
    /** Shorter than its fixed header plus MKI and authentication tag. */
    TRUNCATED,
    /** The RTP/RTCP version field is not 2. */
    BAD_VERSION,
    /** The CSRC list runs past the end of the packet. */
    CSRC_OVERRUN,
    /** The header extension's length runs past the end of the packet. */
    EXTENSION_OVERRUN,
    /** The MKI is not the one of this context's master key. */
    MKI_MISMATCH,
    /** The index was received before (RFC 3711 section 3.3.2). */
    REPLAYED,
    /** The index lies behind the replay window, or before the stream's first packet. */
    TOO_OLD,
    /** The authentication tag does not match. */
    AUTHENTICATION_FAILED,
    /** The master key's lifetime is used up: the peer must re-key. */
    KEY_EXHAUSTED
}
