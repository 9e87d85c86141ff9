package dev.ataemu.core.line;

/** The other side of a call that rings or reaches an FXS line: told when the phone answers, hangs up, and
 * presses keys or flashes during the call. */
public interface LineCall {

    LineCall NONE = new LineCall() {
    };

    /** The phone picked up while ringing. */
    default void answered(FxsLine line) {
    }

    /** The phone hung up during the call. */
    default void hungUp(FxsLine line) {
    }

    /** A key pressed during the call (DTMF or a dial pulse train). */
    default void key(FxsLine line, char key) {
    }

    /** A hook flash during the call. */
    default void flash(FxsLine line) {
    }
}
