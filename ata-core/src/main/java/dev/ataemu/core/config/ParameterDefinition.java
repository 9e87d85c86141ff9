package dev.ataemu.core.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one declaration of a P-value: everything every front-end (web pages, HTTP API, voice menu,
 * provisioning files, command line) needs to show, validate and store it.
 *
 * @param number       the P number, e.g. 47 for {@code P47}
 * @param models       the model ids that have this P-value with this meaning
 * @param port         0 for a device-wide setting, else the port it belongs to (1 or 2)
 * @param resetGroup   the partial factory reset that restores it ({@link ResetType#FULL} when only a full reset does)
 * @param min          lowest allowed value of an {@link ParameterType#INT}
 * @param max          highest allowed value of an {@link ParameterType#INT}
 * @param maxLength    longest allowed text, for text types
 * @param charset      allowed character ranges for text types; empty means any printable character
 */
public record ParameterDefinition(
        int number,
        Set<String> models,
        int port,
        Page page,
        AccessLevel level,
        ParameterType type,
        String defaultValue,
        long min,
        long max,
        List<Choice> choices,
        int maxLength,
        List<CharRange> charset,
        boolean rebootRequired,
        ResetType resetGroup,
        String label) {

    public ParameterDefinition {
        models = Set.copyOf(models);
        choices = List.copyOf(choices);
        charset = List.copyOf(charset);
    }

    /** The key as config files and web forms write it: {@code P47}. */
    public String key() {
        return "P" + number;
    }

    public boolean appliesTo(String modelId) {
        return models.contains(modelId);
    }

    /** Whether a reset of this type restores this P-value to its default. */
    public boolean restoredBy(ResetType reset) {
        return reset == ResetType.FULL || reset == resetGroup;
    }

    /** Why {@code value} is not allowed here, or empty when it is. */
    public Optional<String> problemWith(String value) {
        return ValueRules.problemWith(this, value);
    }

    /** The allowed values in a few words, as {@code --list-parameters} and error messages give them. */
    public String allowedValues() {
        return switch (type) {
            case INT -> min + ".." + max;
            case ENUM -> String.join(", ", choices.stream().map(c -> c.code() + "=" + c.label()).toList());
            default -> type.name().toLowerCase() + ", at most " + maxLength + " characters";
        };
    }
}
