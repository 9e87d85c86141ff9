package dev.ataemu.ivr.speech;

import dev.ataemu.media.audio.Wav;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded prompts of every language the emulator ships, loaded from its resources on first
 * use and shared by all devices. "IVR Language" (P342) picks the language; one that has no
 * recordings yet is spoken in English (IVR-37).
 */
public final class PromptLibrary {

    private static final String ROOT = "/dev/ataemu/ivr/prompts/";
    private static final String ENGLISH = "en";
    /** P342's choices: 0 English, 4 Chinese, 10 Spanish. */
    private static final Map<Integer, String> LANGUAGES = Map.of(0, ENGLISH, 4, "zh", 10, "es");

    private final Map<String, short[]> clips = new ConcurrentHashMap<>();

    /** The folder of the language P342 names, when it has recordings; else English. */
    public String language(int p342) {
        String language = LANGUAGES.getOrDefault(p342, ENGLISH);
        return PromptLibrary.class.getResource(ROOT + language + "/" + Word.ENTER_MENU_OPTION.id() + ".wav") != null
                ? language : ENGLISH;
    }

    /** The samples (8 kHz line audio) of {@code word} in {@code language}; callers must not change them. */
    public short[] clip(String language, Word word) {
        return clips.computeIfAbsent(language + "/" + word.id(), PromptLibrary::load);
    }

    private static short[] load(String name) {
        String resource = ROOT + name + ".wav";
        try (InputStream in = PromptLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the voice prompt " + resource + " is missing from the build");
            }
            return Wav.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the voice prompt " + resource, e);
        }
    }
}
