package dev.ataemu.media.rtp;

/** Why a received RTP or RTCP packet was not used. */
public enum DropReason {
    TRUNCATED_HEADER,
    BAD_VERSION,
    CSRC_PAST_END,
    EXTENSION_PAST_END,
    BAD_PADDING,
    RTCP_ON_RTP_PORT,
    WRONG_SOURCE,
    UNKNOWN_PAYLOAD_TYPE,
    MALFORMED_RTCP,
    /** SRTP refused it: bad authentication tag, a replay, a malformed protected packet. */
    UNPROTECT_FAILED
}
