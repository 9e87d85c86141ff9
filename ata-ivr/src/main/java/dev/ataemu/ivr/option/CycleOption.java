package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * An option that says a setting and whose {@code 9} moves it to the next of its values, wrapping
 * around (IVR-07): the IP mode (01), the vocoder (07), WAN web access (12), the upgrade protocol
 * (15), the firmware upgrade mode (17). A value the cycle does not visit (one set on the web page)
 * is still named, and {@code 9} goes on from the cycle's first value.
 */
public final class CycleOption implements MenuOption {

    private final String number;
    private final Word title;
    private final IntUnaryOperator parameterOfPort;
    private final List<Choice> cycle;
    private final Map<String, Word> otherNames;

    /**
     * @param parameterOfPort the P-value the option sets, for the port in the menu (the vocoder is per port)
     * @param otherNames      what values outside the cycle are called
     */
    public CycleOption(String number, Word title, IntUnaryOperator parameterOfPort, List<Choice> cycle,
            Map<String, Word> otherNames) {
        this.number = number;
        this.title = title;
        this.parameterOfPort = parameterOfPort;
        this.cycle = List.copyOf(cycle);
        this.otherNames = Map.copyOf(otherNames);
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public void enter(MenuContext menu) {
        Phrase said = title == null ? Phrase.of() : Phrase.of(title);
        menu.sayAndWait(said.then(name(current(menu))));
    }

    @Override
    public void key(char key, MenuContext menu) {
        if (key != '9') {
            menu.invalidEntry();
            return;
        }
        int at = indexOf(current(menu));
        Choice next = cycle.get((at + 1) % cycle.size());
        Map<String, String> change = Map.of("P" + parameter(menu), next.value());
        if (menu.change(change)) {
            Phrase said = Phrase.of(next.word());
            menu.sayAndWait(menu.needsReboot(change) ? said.then(Word.REBOOT_TO_APPLY) : said);
        }
    }

    private int parameter(MenuContext menu) {
        return parameterOfPort.applyAsInt(menu.line().port());
    }

    private String current(MenuContext menu) {
        return menu.line().store().get(parameter(menu));
    }

    /** Where {@code value} is in the cycle; -1 (so that the next is the first) when it is not in it. */
    private int indexOf(String value) {
        for (int i = 0; i < cycle.size(); i++) {
            if (cycle.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private Phrase name(String value) {
        int at = indexOf(value);
        if (at >= 0) {
            return Phrase.of(cycle.get(at).word());
        }
        Word other = otherNames.get(value);
        return other == null ? Phrase.of() : Phrase.of(other);
    }
}
