package dev.ataemu.core.config;

import dev.ataemu.core.storage.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P-values of one device. A batch of changes is validated whole and applied all-or-nothing,
 * then written to the device's config file atomically, then announced to listeners. Only values
 * that differ from the model's defaults are kept, so a reset is the removal of entries.
 */
public final class ParameterStore {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterStore.class);

    private final ModelCatalog catalog;
    private final Path file;
    private final String header;
    private final TreeMap<Integer, String> overrides = new TreeMap<>();
    /** P-values saved but not yet taking effect (an HT502 "Update", an HT813 "Update" before "Apply"): their running values. */
    private final Map<Integer, String> notRunning = new java.util.HashMap<>();
    private final List<Consumer<ChangeSet>> listeners = new CopyOnWriteArrayList<>();

    private ParameterStore(ModelCatalog catalog, Path file, String header) {
        this.catalog = catalog;
        this.file = file;
        this.header = header;
    }

    /**
     * Opens the store kept in {@code file}, or a store of defaults when the file does not exist yet.
     * Entries the catalog does not know or does not accept are left out with a warning.
     */
    public static ParameterStore open(ModelCatalog catalog, Path file, String header) {
        ParameterStore store = new ParameterStore(catalog, file, header);
        try {
            byte[] content = AtomicFile.read(file);
            if (content != null) {
                store.load(new String(content, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return store;
    }

    private void load(String text) {
        ConfigText.Parsed parsed = ConfigText.parse(text);
        parsed.unreadable().forEach(line -> LOG.warn("{}: {}", file, line));
        parsed.entries().forEach((key, value) -> {
            try {
                catalog.validate(Map.of(key, value)).forEach((number, accepted) -> {
                    if (!accepted.equals(catalog.get(number).defaultValue())) {
                        overrides.put(number, accepted);
                    }
                });
            } catch (RejectedChangesException e) {
                LOG.warn("{}: ignoring {}", file, e.getMessage());
            }
        });
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The value a P-value of this model runs with: the device's behaviour follows it. */
    public synchronized String get(int number) {
        String running = notRunning.get(number);
        return running != null ? running : saved(number);
    }

    /**
     * The value kept for a P-value: what the pages show and files export. It differs from {@link #get}
     * only while a saved change waits for {@link #takeEffect} (the next boot, or "Apply").
     */
    public synchronized String saved(int number) {
        String value = overrides.get(number);
        return value != null ? value : catalog.get(number).defaultValue();
    }

    /** Whether saved changes wait to take effect. */
    public synchronized boolean changesWaiting() {
        return !notRunning.isEmpty();
    }

    /** The value of a numeric (INT or ENUM) P-value. */
    public int getInt(int number) {
        ParameterDefinition definition = catalog.get(number);
        if (definition.type().isText()) {
            throw new IllegalArgumentException(definition.key() + " is not a number but " + definition.type());
        }
        return Integer.parseInt(get(number));
    }

    /** A numeric P-value, or {@code fallback} when this model has no such P-value (the other model's, a port it lacks). */
    public int getIntOr(int number, int fallback) {
        return catalog.find(number).isPresent() ? getInt(number) : fallback;
    }

    /** A P-value's text, or empty when this model has no such P-value. */
    public String getOrEmpty(int number) {
        return catalog.find(number).isPresent() ? get(number) : "";
    }

    /** Whether a 0/1 P-value is 1. Mind the inverted "Disable ..." flags: this reads the raw value. */
    public boolean isSet(int number) {
        return getInt(number) == 1;
    }

    /** Every P-value of the model with its current value, in ascending number. */
    public synchronized Map<Integer, String> snapshot() {
        Map<Integer, String> all = new LinkedHashMap<>();
        for (ParameterDefinition definition : catalog.all()) {
            all.put(definition.number(), overrides.getOrDefault(definition.number(), definition.defaultValue()));
        }
        return all;
    }

    /** Only the P-values that differ from the factory defaults. */
    public synchronized Map<Integer, String> changedFromDefaults() {
        return new TreeMap<>(overrides);
    }

    /**
     * Validates and applies a batch such as {@code {"P3": "Alice", "P47": "pbx.example.com"}}. When any
     * entry is refused, nothing changes and the exception names every refused entry and why.
     */
    public ChangeSet apply(Map<String, String> batch) {
        ChangeSet changes;
        synchronized (this) {
            Map<Integer, String> accepted = catalog.validate(batch);
            Map<Integer, ChangeSet.Change> running = differences(accepted, this::get);
            commit(differences(accepted, this::saved));
            notRunning.keySet().removeAll(accepted.keySet());
            changes = running.isEmpty() ? ChangeSet.NONE : ChangeSet.of(running, catalog);
        }
        announce(changes);
        return changes;
    }

    /**
     * Validates and keeps a batch without making it take effect: the device runs with the values it
     * had until {@link #takeEffect}, as the HT502 does after "Update" until it reboots (WEB-14).
     * Listeners hear nothing now. All or nothing, as {@link #apply}.
     */
    public synchronized ChangeSet save(Map<String, String> batch) {
        Map<Integer, String> accepted = catalog.validate(batch);
        Map<Integer, ChangeSet.Change> saving = differences(accepted, this::saved);
        Map<Integer, String> runningBefore = new java.util.HashMap<>();
        saving.keySet().forEach(number -> runningBefore.put(number, get(number)));
        // Stored first: when the disk refuses, nothing is recorded as waiting either.
        ChangeSet saved = commit(saving);
        runningBefore.forEach(notRunning::putIfAbsent);
        notRunning.entrySet().removeIf(waiting -> waiting.getValue().equals(saved(waiting.getKey())));
        return saved;
    }

    /** Every saved change takes effect (at boot, or the HT813's "Apply"); listeners hear them. */
    public ChangeSet takeEffect() {
        ChangeSet changes;
        synchronized (this) {
            Map<Integer, ChangeSet.Change> diff = new TreeMap<>();
            notRunning.forEach((number, running) -> diff.put(number, new ChangeSet.Change(running, saved(number))));
            notRunning.clear();
            changes = diff.isEmpty() ? ChangeSet.NONE : ChangeSet.of(diff, catalog);
        }
        announce(changes);
        return changes;
    }

    private static Map<Integer, ChangeSet.Change> differences(Map<Integer, String> values,
            java.util.function.IntFunction<String> current) {
        Map<Integer, ChangeSet.Change> diff = new TreeMap<>();
        values.forEach((number, value) -> {
            String before = current.apply(number);
            if (!before.equals(value)) {
                diff.put(number, new ChangeSet.Change(before, value));
            }
        });
        return diff;
    }

    /** Restores the defaults of every P-value the reset covers, and keeps that. */
    public ChangeSet reset(ResetType type) {
        ChangeSet changes;
        synchronized (this) {
            Map<Integer, String> defaults = new TreeMap<>();
            java.util.Set<Integer> touched = new java.util.TreeSet<>(overrides.keySet());
            touched.addAll(notRunning.keySet());
            touched.forEach(number -> {
                ParameterDefinition definition = catalog.get(number);
                if (definition.restoredBy(type)) {
                    defaults.put(number, definition.defaultValue());
                }
            });
            Map<Integer, ChangeSet.Change> running = differences(defaults, this::get);
            commit(differences(defaults, this::saved));
            notRunning.keySet().removeAll(defaults.keySet());
            changes = running.isEmpty() ? ChangeSet.NONE : ChangeSet.of(running, catalog);
        }
        announce(changes);
        return changes;
    }

    /** Listeners hear each accepted change after it is stored, on the thread that made it. */
    public void onChange(Consumer<ChangeSet> listener) {
        listeners.add(listener);
    }

    private ChangeSet commit(Map<Integer, ChangeSet.Change> diff) {
        if (diff.isEmpty()) {
            return ChangeSet.NONE;
        }
        TreeMap<Integer, String> next = new TreeMap<>(overrides);
        diff.forEach((number, change) -> {
            if (change.after().equals(catalog.get(number).defaultValue())) {
                next.remove(number);
            } else {
                next.put(number, change.after());
            }
        });
        persist(next);
        overrides.clear();
        overrides.putAll(next);
        return ChangeSet.of(diff, catalog);
    }

    private void persist(Map<Integer, String> values) {
        byte[] content = ConfigText.format(header, values).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (" + e.getMessage() + "); the change was not made", e);
        }
    }

    private void announce(ChangeSet changes) {
        if (!changes.isEmpty()) {
            listeners.forEach(listener -> listener.accept(changes));
        }
    }
}
