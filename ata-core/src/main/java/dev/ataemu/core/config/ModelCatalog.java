package dev.ataemu.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** The P-values of one model, by number. */
public final class ModelCatalog {

    private final String modelId;
    private final NavigableMap<Integer, ParameterDefinition> byNumber;

    ModelCatalog(String modelId, NavigableMap<Integer, ParameterDefinition> byNumber) {
        this.modelId = modelId;
        this.byNumber = Collections.unmodifiableNavigableMap(new TreeMap<>(byNumber));
    }

    public String modelId() {
        return modelId;
    }

    public Optional<ParameterDefinition> find(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /** The declaration of a P-value this model must have; a missing one is a programming error. */
    public ParameterDefinition get(int number) {
        ParameterDefinition definition = byNumber.get(number);
        if (definition == null) {
            throw new IllegalArgumentException("the " + modelId + " has no P" + number);
        }
        return definition;
    }

    /** Every P-value of the model, in ascending number. */
    public Collection<ParameterDefinition> all() {
        return byNumber.values();
    }

    public int size() {
        return byNumber.size();
    }

    /**
     * Checks a batch such as {@code {"P3": "Alice", "P47": "pbx.example.com"}} whole and returns it
     * keyed by P number, or throws naming every entry this model refuses and why.
     */
    public Map<Integer, String> validate(Map<String, String> batch) {
        List<Problem> problems = new ArrayList<>();
        Map<Integer, String> accepted = new TreeMap<>();
        batch.forEach((key, value) -> {
            Optional<Problem> problem = problemWith(key, value);
            if (problem.isPresent()) {
                problems.add(problem.get());
            } else {
                accepted.put(ParameterKeys.parse(key).getAsInt(), value);
            }
        });
        if (!problems.isEmpty()) {
            throw new RejectedChangesException(problems);
        }
        return accepted;
    }

    private Optional<Problem> problemWith(String key, String value) {
        OptionalInt number = ParameterKeys.parse(key);
        if (number.isEmpty()) {
            return Optional.of(new Problem(key, value, "not a P-value name such as P47"));
        }
        ParameterDefinition definition = byNumber.get(number.getAsInt());
        if (definition == null) {
            return Optional.of(new Problem(key, value, "the " + modelId + " has no such P-value"));
        }
        // A refused password is named but never repeated: refusals reach pages, logs and syslog (SEC-16).
        String shown = definition.type() == ParameterType.PASSWORD ? "(password not shown)" : value;
        return definition.problemWith(value).map(reason -> new Problem(definition.key(), shown, reason));
    }
}
