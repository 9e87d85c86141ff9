package dev.ataemu.core.config;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one accepted batch changed: for each P number, its value before and after. */
public record ChangeSet(SortedMap<Integer, Change> changes, boolean rebootRequired) {

    public static final ChangeSet NONE = new ChangeSet(new TreeMap<>(), false);

    public ChangeSet {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
    }

    public record Change(String before, String after) {
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public boolean touches(int number) {
        return changes.containsKey(number);
    }

    static ChangeSet of(Map<Integer, Change> changes, ModelCatalog catalog) {
        boolean reboot = changes.keySet().stream().anyMatch(n -> catalog.get(n).rebootRequired());
        return new ChangeSet(new TreeMap<>(changes), reboot);
    }
}
