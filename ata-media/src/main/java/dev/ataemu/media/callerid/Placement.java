package dev.ataemu.media.callerid;

/** Where a caller-ID signal goes relative to ringing; the one who plays it acts on this. */
public enum Placement {
    /** Play from the moment the first ring ends; the signal starts with the silence the standard asks for. */
    AFTER_FIRST_RING,
    /** Play before any ringing; the first ring starts when the signal ends. */
    BEFORE_FIRST_RING,
    /**
     * NTT: ring the incoming-call signal until the phone answers it by going off-hook (the primary
     * response), play the signal, then ring normally once the phone is back on-hook.
     */
    AFTER_PRIMARY_RESPONSE,
    /** On-hook, without any ringing (visual message waiting). */
    WITHOUT_RINGING,
    /** During a call, once the phone has acknowledged the call-waiting alert (type II). */
    AFTER_ACKNOWLEDGEMENT
}
