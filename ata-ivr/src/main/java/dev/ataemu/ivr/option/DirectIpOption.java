package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;

/**
 * Option 47 (IVR-28): "Direct IP calling", then dial tone, and the keys that follow are the
 * star-encoded address as after {@code *47}. With "Disable Direct IP Call" (P277) it is an invalid
 * entry (IVR-38). A key during the prompt cuts it short: the dial tone comes at once.
 */
public final class DirectIpOption implements MenuOption {

    private static final int DISABLE_DIRECT_IP_CALL = 277;

    @Override
    public String number() {
        return "47";
    }

    @Override
    public void enter(MenuContext menu) {
        if (menu.line().store().getIntOr(DISABLE_DIRECT_IP_CALL, 0) == 1) {
            menu.invalidEntry();
            return;
        }
        menu.say(Phrase.of(Word.DIRECT_IP_CALLING), () -> menu.line().directIpCall());
    }

    @Override
    public void key(char key, MenuContext menu) {
        menu.line().directIpCall();
    }
}
