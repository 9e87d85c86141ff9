package dev.ataemu.core.config;

/** One allowed code of an enumerated P-value and what it means. */
public record Choice(String code, String label) {
}
