package dev.ataemu.ivr.option;

import dev.ataemu.core.menu.MenuLine;
import dev.ataemu.ivr.speech.Phrase;
import java.util.Map;

/** What a menu option may do during one visit: speak, wait for keys, change P-values, and return to the main menu. */
public interface MenuContext {

    MenuLine line();

    /** The digits keyed in this option so far (an address, the MAC code); empty on entering it. */
    StringBuilder entry();

    /** Says {@code phrase}, then waits in this option for a key; a minute without one returns to the main menu. */
    void sayAndWait(Phrase phrase);

    /** Says {@code phrase}, then returns to the main menu ("Enter a menu option"). */
    void sayThenMainMenu(Phrase phrase);

    /** Says {@code phrase}, then runs {@code after} (which ends the menu or does something else). */
    void say(Phrase phrase, Runnable after);

    /** "Invalid entry", then the main menu (IVR-10); nothing half entered is kept. */
    void invalidEntry();

    /** Waits for the next key of an entry: four seconds without one make it an invalid entry (IVR-41). */
    void awaitEntryKey();

    /** "Lock keypad update" (P88, IVR-35): the keypad may read settings but not change them. */
    boolean keypadLocked();

    /**
     * Stores {@code values} ({@code "P9" -> "192"}, ...) all or nothing; false, after saying "Invalid
     * entry", when the keypad is locked or the store refuses them.
     */
    boolean change(Map<String, String> values);

    /** Whether any of {@code values} only takes effect after a reboot (the catalog's reboot flag, IVR-34). */
    boolean needsReboot(Map<String, String> values);
}
