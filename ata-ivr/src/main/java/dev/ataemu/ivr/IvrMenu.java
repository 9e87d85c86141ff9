package dev.ataemu.ivr;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.menu.MenuLine;
import dev.ataemu.core.menu.MenuSession;
import dev.ataemu.core.menu.VoiceMenu;
import dev.ataemu.ivr.speech.Phrase;
import dev.ataemu.ivr.speech.PromptLibrary;
import dev.ataemu.ivr.speech.RepeatedPhrase;
import dev.ataemu.ivr.speech.Speaker;
import dev.ataemu.ivr.speech.Word;
import dev.ataemu.media.audio.AudioSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice menu of the Grandstream ATAs, spoken with recorded prompts: one per device, its menu
 * tree chosen by the model, its language by "IVR Language" (P342). Everything it says is logged,
 * and told to whoever listens ({@link #onSpoken}), so that a test or the console can follow it.
 */
public final class IvrMenu implements VoiceMenu {

    private static final Logger LOG = LoggerFactory.getLogger(IvrMenu.class);
    private static final int LANGUAGE = 342;
    /** The pause after each "Device not registered". */
    private static final int NOT_REGISTERED_PAUSE_MS = 1000;
    private static final PromptLibrary PROMPTS = new PromptLibrary();
    private static final Map<String, MenuTree> TREES = new ConcurrentHashMap<>();

    private volatile BiConsumer<Integer, Phrase> spoken = (port, phrase) -> { };

    /** {@code listener} hears each phrase the menu says, with the port it says it on, on the device's scheduler. */
    public void onSpoken(BiConsumer<Integer, Phrase> listener) {
        spoken = listener;
    }

    @Override
    public MenuSession open(MenuLine line) {
        ParameterStore store = line.store();
        MenuTree tree = TREES.computeIfAbsent(store.catalog().modelId(), MenuTree::forModel);
        int port = line.port();
        Speaker speaker = new Speaker(PROMPTS, language(store), line.scheduler(), phrase -> {
            LOG.info("port {} says: {}", port, phrase);
            spoken.accept(port, phrase);
        });
        MenuVisit visit = new MenuVisit(line, tree, speaker);
        visit.start();
        return visit;
    }

    @Override
    public AudioSource notRegistered(ParameterStore store) {
        return new RepeatedPhrase(PROMPTS, language(store), Phrase.of(Word.DEVICE_NOT_REGISTERED), NOT_REGISTERED_PAUSE_MS);
    }

    private static String language(ParameterStore store) {
        return PROMPTS.language(store.getIntOr(LANGUAGE, 0));
    }
}
