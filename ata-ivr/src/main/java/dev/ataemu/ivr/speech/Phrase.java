package dev.ataemu.ivr.speech;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the menu says at one time, as the prompts it is made of: "IP address", "1", "9", "2", "dot", ... */
public record Phrase(List<Word> words) {

    public Phrase {
        words = List.copyOf(words);
    }

    public static Phrase of(Word... words) {
        return new Phrase(Arrays.asList(words));
    }

    /**
     * A value read out character by character: {@code 192.168.0.26}, a MAC, a version such as
     * {@code 1.0.16.2}; a character no prompt says is left out.
     */
    public static Phrase spelled(String text) {
        List<Word> spoken = new ArrayList<>();
        for (char c : text.toCharArray()) {
            Word.forCharacter(c).ifPresent(spoken::add);
        }
        return new Phrase(spoken);
    }

    public Phrase then(Phrase more) {
        List<Word> joined = new ArrayList<>(words);
        joined.addAll(more.words);
        return new Phrase(joined);
    }

    public Phrase then(Word... more) {
        return then(of(more));
    }

    /** The prompts' ids, space-separated, as the log and tests read them. */
    @Override
    public String toString() {
        return words.stream().map(word -> word.id().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }
}
