package dev.ataemu.ivr;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.menu.MenuLine;
import dev.ataemu.core.menu.MenuSession;
import dev.ataemu.ivr.option.MenuContext;
import dev.ataemu.ivr.option.MenuOption;
import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.Speaker;
import dev.ataemu.ivr.speech.Word;
import dev.ataemu.time.Scheduler;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One visit to the voice menu, from {@code ***} to hanging up: "Enter a menu option", two digits
 * choose an option (IVR-04), {@code *} steps to the next one, {@code #} returns here (IVR-05,
 * IVR-06), and every key cuts short what is being said. Runs on the device's scheduler.
 */
final class MenuVisit implements MenuSession, MenuContext {

    private static final Logger LOG = LoggerFactory.getLogger(MenuVisit.class);
    private static final int LOCK_KEYPAD_UPDATE = 88;
    /** Between the keys of one entry, as the "No Key Entry Timeout" gives dialing (IVR-41). */
    static final Duration ENTRY_TIMEOUT = Duration.ofSeconds(4);
    /** A minute without a key: the main menu is said again (IVR-41). */
    static final Duration IDLE = Duration.ofMinutes(1);
    /** The HT813 manual also writes {@code ****}: a fourth star this soon after {@code ***} is absorbed (IVR-01). */
    private static final Duration FOURTH_STAR = Duration.ofSeconds(1);

    private final MenuLine line;
    private final MenuTree tree;
    private final Speaker speaker;
    private final StringBuilder entry = new StringBuilder();
    private final long openedAt;
    private MenuOption option;
    private Scheduler.Timer timer;
    private boolean ended;

    MenuVisit(MenuLine line, MenuTree tree, Speaker speaker) {
        this.line = line;
        this.tree = tree;
        this.speaker = speaker;
        this.openedAt = line.scheduler().millis();
    }

    void start() {
        line.play(speaker.audio());
        mainMenu();
    }

    private void mainMenu() {
        cancelTimer();
        option = null;
        entry.setLength(0);
        speaker.say(Phrase.of(Word.ENTER_MENU_OPTION), () -> waitFor(IDLE, this::mainMenu));
    }

    @Override
    public void key(char key) {
        if (ended) {
            return;
        }
        if (key == '*' && option == null && entry.isEmpty()
                && line.scheduler().millis() - openedAt < FOURTH_STAR.toMillis()) {
            return;
        }
        speaker.stop();
        cancelTimer();
        if (key == '#') {
            mainMenu();
        } else if (key == '*') {
            enter(tree.after(option));
        } else if (!Character.isDigit(key)) {
            invalidEntry();
        } else if (option == null) {
            chooseOption(key);
        } else {
            option.key(key, this);
        }
    }

    /** The two digits of an option; a number that is no option is an invalid entry (IVR-10). */
    private void chooseOption(char key) {
        entry.append(key);
        if (entry.length() < 2) {
            awaitEntryKey();
            return;
        }
        String number = entry.toString();
        tree.find(number).ifPresentOrElse(this::enter, () -> {
            LOG.info("port {}: no menu option {}", line.port(), number);
            invalidEntry();
        });
    }

    private void enter(MenuOption chosen) {
        option = chosen;
        entry.setLength(0);
        LOG.debug("port {}: menu option {}", line.port(), chosen.number());
        chosen.enter(this);
    }

    @Override
    public void end() {
        ended = true;
        speaker.stop();
        cancelTimer();
    }

    @Override
    public MenuLine line() {
        return line;
    }

    @Override
    public StringBuilder entry() {
        return entry;
    }

    @Override
    public void sayAndWait(Phrase phrase) {
        speaker.say(phrase, () -> waitFor(IDLE, this::mainMenu));
    }

    @Override
    public void sayThenMainMenu(Phrase phrase) {
        // The option is done: a key while this is said already chooses the next option.
        option = null;
        entry.setLength(0);
        speaker.say(phrase, this::mainMenu);
    }

    @Override
    public void say(Phrase phrase, Runnable after) {
        speaker.say(phrase, after);
    }

    @Override
    public void invalidEntry() {
        cancelTimer();
        option = null;
        entry.setLength(0);
        speaker.say(Phrase.of(Word.INVALID_ENTRY), this::mainMenu);
    }

    @Override
    public void awaitEntryKey() {
        waitFor(ENTRY_TIMEOUT, this::invalidEntry);
    }

    @Override
    public boolean keypadLocked() {
        return line.store().getIntOr(LOCK_KEYPAD_UPDATE, 0) == 1;
    }

    @Override
    public boolean change(Map<String, String> values) {
        if (keypadLocked()) {
            LOG.info("port {}: the keypad is locked (P88); {} not stored", line.port(), values);
            invalidEntry();
            return false;
        }
        try {
            line.store().apply(values);
        } catch (RuntimeException refused) {
            LOG.info("port {}: {} refused: {}", line.port(), values, refused.getMessage());
            invalidEntry();
            return false;
        }
        LOG.info("port {}: the voice menu stored {}", line.port(), values);
        return true;
    }

    @Override
    public boolean needsReboot(Map<String, String> values) {
        ParameterStore store = line.store();
        return values.keySet().stream()
                .anyMatch(key -> store.catalog().get(Integer.parseInt(key.substring(1))).rebootRequired());
    }

    private void waitFor(Duration delay, Runnable then) {
        cancelTimer();
        if (!ended) {
            timer = line.scheduler().schedule(delay, then);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
