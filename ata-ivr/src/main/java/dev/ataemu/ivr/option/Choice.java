package dev.ataemu.ivr.option;

import dev.ataemu.ivr.speech.Word;

/** One value of a P-value that option cycles through, and the prompt that says it. */
public record Choice(String value, Word word) {
}
