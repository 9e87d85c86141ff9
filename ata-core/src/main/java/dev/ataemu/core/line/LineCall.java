package dev.ataemu.core.line;

/**
 * The other side of a call that rings or reaches an FXS line: told when the phone answers, hangs up,
 * presses keys or flashes during the call, and asked to hold the call or transfer its far end.
 */
public interface LineCall {

    LineCall NONE = new LineCall() {
    };

    /** The phone picked up while ringing. */
    default void answered(FxsLine line) {
    }

    /** The phone hung up during the call (or the line let the call go). */
    default void hungUp(FxsLine line) {
    }

    /** A key pressed during the call (DTMF or a dial pulse train). */
    default void key(FxsLine line, char key) {
    }

    /** A hook flash the line passes on to the far end ("Send Hook Flash Event", P74). */
    default void flash(FxsLine line) {
    }

    /** Puts the call on hold ({@code true}) or takes it off hold. */
    default void hold(FxsLine line, boolean held) {
    }

    /** Whether a hook flash in this call goes to its far end rather than to the line's own features (P74). */
    default boolean passesFlash() {
        return false;
    }

    /** A blind transfer: asks the far end to call {@code number}; how it went comes to {@code result}. */
    default void transfer(FxsLine line, String number, TransferResult result) {
        result.outcome(NOT_TRANSFERABLE);
    }

    /** An attended transfer: asks the far end to take the place of this line in {@code consulted}, its other call. */
    default void transfer(FxsLine line, LineCall consulted, TransferResult result) {
        result.outcome(NOT_TRANSFERABLE);
    }

    /** The answer of a call that cannot be transferred (no SIP dialog behind it). */
    int NOT_TRANSFERABLE = 501;

    /** The final status of the far end's call to the transfer target: 2xx when it was answered. */
    interface TransferResult {
        void outcome(int status);
    }
}
