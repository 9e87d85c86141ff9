package dev.ataemu.sip.sdp;

/** The account's "SRTP Mode" (P183 / P443; MEDIA-24, PLAT-93). */
public enum SrtpMode {
    /** Plain RTP/AVP; offered keys are ignored and RTP/SAVP offers are refused. */
    DISABLED,
    /**
     * RTP/AVP with {@code a=crypto} lines: best-effort SRTP that plain peers ignore and SDES peers
     * take up, so calls work either way.
     */
    ENABLED_NOT_FORCED,
    /** RTP/SAVP with {@code a=crypto}; a call without usable keys is refused. */
    ENABLED_AND_FORCED
}
