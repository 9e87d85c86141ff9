package dev.ataemu.core.menu;

/** One visit to the voice menu, from {@code ***} until the phone hangs up or the menu hands the line back. */
public interface MenuSession {

    /** A key the phone pressed while in the menu. */
    void key(char key);

    /** The phone hung up: whatever was half entered is dropped, what was confirmed stays (IVR-40). */
    void end();
}
