package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import java.util.function.Function;

/** An option that only reads something out: the MAC address (10), the firmware version (16). */
public final class ReadOutOption implements MenuOption {

    private final String number;
    private final Function<MenuContext, Phrase> said;

    public ReadOutOption(String number, Function<MenuContext, Phrase> said) {
        this.number = number;
        this.said = said;
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public void enter(MenuContext menu) {
        menu.sayAndWait(said.apply(menu));
    }

    @Override
    public void key(char key, MenuContext menu) {
        menu.invalidEntry();
    }
}
