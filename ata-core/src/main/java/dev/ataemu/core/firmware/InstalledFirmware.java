package dev.ataemu.core.firmware;

import dev.ataemu.core.storage.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The firmware versions a device runs: its model's own until an upgrade installs others, kept in
 * the device's folder ({@code firmware.properties}, written atomically) so they survive restarts.
 */
public final class InstalledFirmware {

    private static final String FILE = "firmware.properties";

    private final Optional<Path> file;
    private Map<String, String> versions;

    private InstalledFirmware(Optional<Path> file, Map<String, String> versions) {
        this.file = file;
        this.versions = versions;
    }

    /** Only in memory: the model's versions, an upgrade lasting until the process ends. */
    public static InstalledFirmware inMemory(Map<String, String> factory) {
        return new InstalledFirmware(Optional.empty(), new LinkedHashMap<>(factory));
    }

    /** Kept in {@code folder}: what was installed there before, else the model's versions. */
    public static InstalledFirmware in(Path folder, Map<String, String> factory) {
        Path path = folder.resolve(FILE);
        Map<String, String> versions = new LinkedHashMap<>(factory);
        try {
            byte[] stored = AtomicFile.read(path);
            if (stored != null) {
                Properties properties = new Properties();
                properties.load(new StringReader(new String(stored, StandardCharsets.UTF_8)));
                Map<String, String> installed = new LinkedHashMap<>();
                properties.stringPropertyNames().stream().sorted()
                        .forEach(part -> installed.put(part, properties.getProperty(part)));
                if (!installed.isEmpty()) {
                    versions = installed;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new InstalledFirmware(Optional.of(path), versions);
    }

    public synchronized Map<String, String> versions() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** Keeps {@code image}'s versions as the ones the device runs from its next boot. */
    public synchronized void install(FirmwareImage image) {
        Map<String, String> next = new LinkedHashMap<>(image.versions());
        if (file.isPresent()) {
            StringBuilder text = new StringBuilder("# the firmware this emulated device runs, installed by an upgrade\n");
            next.forEach((part, version) -> text.append(part).append('=').append(version).append('\n'));
            try {
                AtomicFile.write(file.get(), text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the new firmware version: " + e.getMessage(), e);
            }
        }
        versions = next;
    }
}
