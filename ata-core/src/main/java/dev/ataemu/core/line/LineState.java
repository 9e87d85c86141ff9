package dev.ataemu.core.line;

/** Where an analog line is in its use, as the status page and the event stream report it. */
public enum LineState {
    /** On hook and quiet. */
    IDLE,
    /** Ringing the phone (or, on an FXO port, the PSTN line is ringing). */
    RINGING,
    /** Off hook, hearing dial tone. */
    DIAL_TONE,
    /** Off hook, keys pressed after the dial tone. */
    DIALING,
    /** The number is dialed and the call is on its way: ring-back while the far end rings. */
    CALLING,
    /** Off hook with nothing to do: the caller hung up, or dialing timed out. */
    OFF_HOOK_IDLE,
    /** In a call. */
    CONNECTED,
    /** Off hook, in the voice menu after dialing {@code ***}. */
    VOICE_MENU
}
