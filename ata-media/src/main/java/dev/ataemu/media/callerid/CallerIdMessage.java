package dev.ataemu.media.callerid;

/** What a received caller-ID message means. */
public sealed interface CallerIdMessage {

    /** A call is coming (or, during a call, waiting): who is calling. */
    record CallSetup(CallerId callerId) implements CallerIdMessage {
    }

    /** Visual message waiting indicator: switch the lamp on or off. */
    record MessageWaiting(boolean waiting) implements CallerIdMessage {
    }
}
