package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Option 99 (IVR-30): "Reset". A {@code 9} first reboots (RST-03, GAP-34). The device's MAC keyed
 * in the reset code restores the factory defaults about 15 seconds later (RST-02), unless the keypad
 * is locked (P88) or a provider locked the unit; a digit that departs from the code, or four seconds
 * without the next one, is an invalid entry.
 */
public final class ResetOption implements MenuOption {

    private static final Logger LOG = LoggerFactory.getLogger(ResetOption.class);
    /** How long after the code the unit resets, as the manuals give it. */
    static final Duration RESET_DELAY = Duration.ofSeconds(15);

    @Override
    public String number() {
        return "99";
    }

    @Override
    public void enter(MenuContext menu) {
        menu.sayAndWait(Phrase.of(Word.RESET));
    }

    @Override
    public void key(char key, MenuContext menu) {
        StringBuilder entry = menu.entry();
        if (entry.isEmpty() && key == '9') {
            LOG.info("port {}: reboot from the voice menu", menu.line().port());
            menu.line().device().reboot();
            return;
        }
        if (menu.keypadLocked() || menu.line().device().providerLocked()) {
            menu.invalidEntry();
            return;
        }
        entry.append(key);
        String code = MacCode.of(menu.line().device().mac());
        if (!code.startsWith(entry.toString())) {
            menu.invalidEntry();
        } else if (entry.length() == code.length()) {
            LOG.info("port {}: factory reset from the voice menu in {} s", menu.line().port(), RESET_DELAY.toSeconds());
            // A confirmed reset happens even if the phone hangs up in the meantime.
            menu.line().scheduler().schedule(RESET_DELAY, () -> menu.line().device().factoryReset());
        } else {
            menu.awaitEntryKey();
        }
    }
}
