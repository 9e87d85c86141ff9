package dev.ataemu.hal.fxo;

/** What the FXO port tells the firmware about the PSTN line. Calls arrive on the device's scheduler. */
public interface FxoEvents {

    FxoEvents NONE = new FxoEvents() {
    };

    /** A ring began on the line; {@code count} counts the rings of this call from 1. */
    default void ring(int count) {
    }

    /** No ring came for the ring timeout: the PSTN caller gave up before anyone answered. */
    default void ringingStopped() {
    }

    /** Caller ID arrived on the line before or between the rings. */
    default void callerId(dev.ataemu.media.callerid.CallerId callerId) {
    }

    /** While the line was seized, the far end hung up; {@code how} says what gave it away. */
    default void farEndDisconnected(String how) {
    }
}
