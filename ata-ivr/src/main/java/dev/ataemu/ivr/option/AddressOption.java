package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Word;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An option that reads out an address and takes a new one keyed as 12 digits: the static IP,
 * subnet, gateway and DNS (02 to 05), the firmware and configuration servers (13, 14). A complete
 * entry is stored, read back, and followed by "reboot" when it only applies after one (IVR-34,
 * IVR-42); a wrong one is an invalid entry and changes nothing.
 */
public final class AddressOption implements MenuOption {

    private final String number;
    private final Word title;
    private final Function<MenuContext, Optional<String>> current;
    private final Predicate<MenuContext> takesEntries;
    private final Function<String, Map<String, String>> change;

    /**
     * @param current      the address said now; empty when the setting holds something else (a host name)
     * @param takesEntries whether a new address may be keyed now (02 to 05 only in static IP mode)
     * @param change       the P-values that store a dotted address
     */
    public AddressOption(String number, Word title, Function<MenuContext, Optional<String>> current,
            Predicate<MenuContext> takesEntries, Function<String, Map<String, String>> change) {
        this.number = number;
        this.title = title;
        this.current = current;
        this.takesEntries = takesEntries;
        this.change = change;
    }

    @Override
    public String number() {
        return number;
    }

    @Override
    public void enter(MenuContext menu) {
        // A host name cannot be read as digits: the menu says so, and still takes a new address (GAP-39).
        Phrase value = current.apply(menu).map(Phrase::spelled).orElse(Phrase.of(Word.INVALID_ENTRY));
        menu.sayAndWait(Phrase.of(title).then(value));
    }

    @Override
    public void key(char key, MenuContext menu) {
        if (!takesEntries.test(menu) || menu.keypadLocked()) {
            menu.invalidEntry();
            return;
        }
        StringBuilder entry = menu.entry().append(key);
        if (entry.length() < AddressEntry.DIGITS) {
            menu.awaitEntryKey();
            return;
        }
        Optional<String> address = AddressEntry.parse(entry.toString());
        if (address.isEmpty()) {
            menu.invalidEntry();
            return;
        }
        Map<String, String> values = change.apply(address.get());
        if (menu.change(values)) {
            Phrase said = Phrase.of(title).then(Phrase.spelled(address.get()));
            menu.sayThenMainMenu(menu.needsReboot(values) ? said.then(Word.REBOOT_TO_APPLY) : said);
        }
    }
}
