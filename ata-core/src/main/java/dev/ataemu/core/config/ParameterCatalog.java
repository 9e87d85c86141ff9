package dev.ataemu.core.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every P-value of every model, declared once in {@code catalog.tsv} beside this class. The file is
 * checked whole when it loads: a malformed row, a duplicate, or a default its own rules refuse stops
 * the device from starting rather than running with a catalog nobody reviewed.
 */
public final class ParameterCatalog {

    static final String RESOURCE = "catalog.tsv";
    private static final int COLUMNS = 13;

    private static volatile ParameterCatalog builtIn;

    private final List<ParameterDefinition> definitions;
    private final Map<String, ModelCatalog> byModel = new HashMap<>();

    ParameterCatalog(List<ParameterDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
        Map<String, TreeMap<Integer, ParameterDefinition>> perModel = new TreeMap<>();
        for (ParameterDefinition definition : definitions) {
            for (String model : definition.models()) {
                ParameterDefinition clash = perModel.computeIfAbsent(model, m -> new TreeMap<>())
                        .put(definition.number(), definition);
                if (clash != null) {
                    throw new IllegalStateException(definition.key() + " is declared twice for the " + model);
                }
            }
        }
        perModel.forEach((model, map) -> byModel.put(model, new ModelCatalog(model, map)));
    }

    /** The catalog that ships with the emulator. */
    public static ParameterCatalog builtIn() {
        ParameterCatalog catalog = builtIn;
        if (catalog == null) {
            synchronized (ParameterCatalog.class) {
                catalog = builtIn;
                if (catalog == null) {
                    try (InputStream in = ParameterCatalog.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the P-value catalog " + RESOURCE + " is missing");
                        }
                        catalog = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    builtIn = catalog;
                }
            }
        }
        return catalog;
    }

    public List<ParameterDefinition> definitions() {
        return definitions;
    }

    public Set<String> models() {
        return Collections.unmodifiableSet(new TreeMap<>(byModel).keySet());
    }

    /** The P-values of one model. */
    public ModelCatalog forModel(String modelId) {
        ModelCatalog catalog = byModel.get(modelId);
        if (catalog == null) {
            throw new IllegalArgumentException("the catalog has no P-values for model " + modelId);
        }
        return catalog;
    }

    static ParameterCatalog parse(InputStream in) throws IOException {
        List<ParameterDefinition> definitions = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                definitions.add(parseRow(line.split("\t", -1)));
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return new ParameterCatalog(definitions);
    }

    private static ParameterDefinition parseRow(String[] cells) {
        if (cells.length != COLUMNS - 1 && cells.length != COLUMNS) {
            throw new IllegalArgumentException("expected " + COLUMNS + " columns, found " + cells.length);
        }
        int number = Integer.parseInt(cells[0]);
        Set<String> models = new LinkedHashSet<>(Arrays.asList(cells[1].split(",")));
        int port = cells[2].equals("global") ? 0 : Integer.parseInt(cells[2]);
        Page page = Page.valueOf(cells[3]);
        AccessLevel level = AccessLevel.valueOf(cells[4].toUpperCase());
        ParameterType type = ParameterType.valueOf(cells[5].toUpperCase());
        String defaultValue = cells[6];
        long min = 0;
        long max = 0;
        List<Choice> choices = List.of();
        if (type == ParameterType.INT) {
            String[] range = cells[7].split("\\.\\.", -1);
            min = Long.parseLong(range[0]);
            max = Long.parseLong(range[1]);
        } else if (type == ParameterType.ENUM) {
            choices = parseChoices(cells[7]);
        }
        int maxLength = cells[8].isEmpty() ? 0 : Integer.parseInt(cells[8]);
        if (type.isText() && maxLength <= 0) {
            throw new IllegalArgumentException("P" + number + " is text but has no maximum length");
        }
        List<CharRange> charset = cells[9].isEmpty() ? List.of()
                : Arrays.stream(cells[9].split(";")).map(CharRange::parse).toList();
        boolean reboot = switch (cells[10]) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException("reboot must be 0 or 1, not " + cells[10]);
        };
        String label = cells[11];
        ResetType resetGroup = cells.length == COLUMNS ? resetGroup(cells[12]) : ResetType.FULL;
        ParameterDefinition definition = new ParameterDefinition(number, models, port, page, level, type,
                defaultValue, min, max, choices, maxLength, charset, reboot, resetGroup, label);
        definition.problemWith(defaultValue).ifPresent(problem -> {
            throw new IllegalArgumentException("P" + number + " default '" + defaultValue + "' " + problem);
        });
        return definition;
    }

    private static List<Choice> parseChoices(String text) {
        List<Choice> choices = new ArrayList<>();
        for (String entry : text.split("\\|")) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("choice '" + entry + "' is not code=label");
            }
            choices.add(new Choice(entry.substring(0, equals), entry.substring(equals + 1)));
        }
        return choices;
    }

    private static ResetType resetGroup(String text) {
        return switch (text) {
            case "", "full" -> ResetType.FULL;
            case "isp" -> ResetType.ISP_DATA;
            case "voip" -> ResetType.VOIP_DATA;
            default -> throw new IllegalArgumentException("reset group must be isp, voip or empty, not " + text);
        };
    }
}
