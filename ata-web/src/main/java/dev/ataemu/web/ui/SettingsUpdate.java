package dev.ataemu.web.ui;

import dev.ataemu.core.config.ModelCatalog;
import dev.ataemu.core.config.ParameterDefinition;
import dev.ataemu.core.config.ParameterKeys;
import dev.ataemu.core.config.ParameterType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What a posted settings form asks to change, checked whole against the catalog and the level
 * (WEB-43, WEB-44): every {@code P<n>} field must be a P-value of the model that the level may
 * change, with a value its rules allow; an empty password field leaves the password as it was. Any
 * refusal refuses everything.
 */
final class SettingsUpdate {

    private static final Pattern P_FIELD = Pattern.compile("P[0-9]+");

    /** What to store, or why each refused field was refused (then nothing is stored). */
    record Outcome(Map<String, String> changes, Map<String, String> problems) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private SettingsUpdate() {
    }

    static Outcome check(ModelCatalog catalog, WebLevel level, FormBody form) {
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        form.all().forEach((name, value) -> {
            if (!P_FIELD.matcher(name).matches()) {
                return;
            }
            OptionalInt number = ParameterKeys.parse(name);
            Optional<ParameterDefinition> found = number.isPresent() ? catalog.find(number.getAsInt()) : Optional.empty();
            if (found.isEmpty()) {
                problems.put(name, "the " + catalog.modelId() + " has no P-value " + name);
                return;
            }
            ParameterDefinition definition = found.get();
            if (!SettingsPage.writable(definition, level)) {
                problems.put(name, level == WebLevel.VIEWER ? "a viewer cannot change settings"
                        : "only the administrator can change " + definition.label());
                return;
            }
            if (definition.type() == ParameterType.PASSWORD && value.isEmpty()) {
                return;
            }
            if (SettingsPage.confirmed(catalog, definition)
                    && !value.equals(form.getOrEmpty(SettingsPage.CONFIRM_PREFIX + name))) {
                problems.put(name, "the new password and its confirmation differ");
                return;
            }
            definition.problemWith(value).ifPresentOrElse(reason -> problems.put(name, reason),
                    () -> changes.put(definition.key(), value));
        });
        return new Outcome(changes, problems);
    }
}
