package dev.ataemu.core.line;

/** The other side of a call that rings or reaches an FXS line: told when the phone answers and hangs up. */
public interface LineCall {

    LineCall NONE = new LineCall() {
    };

    /** The phone picked up while ringing. */
    default void answered(FxsLine line) {
    }

    /** The phone hung up during the call. */
    default void hungUp(FxsLine line) {
    }
}
