package dev.ataemu.core.device;

import dev.ataemu.core.storage.AtomicFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The data folder of one device inside the emulator's data directory, named by its MAC:
 * {@code device.properties} (model and MAC) and {@code config.txt} (the P-values).
 */
public record DeviceFolder(Path path, DeviceModel model, MacAddress mac) {

    private static final String IDENTITY = "device.properties";
    private static final String CONFIG = "config.txt";

    public Path configFile() {
        return path.resolve(CONFIG);
    }

    /**
     * Finds or creates the folder of a device. With a MAC, that device's folder; without one, the
     * folder of the first device of this model already in {@code dataDir}, else a new device with a
     * fresh Grandstream MAC. A folder that holds another model is refused rather than reused.
     */
    public static DeviceFolder locate(Path dataDir, DeviceModel model, Optional<MacAddress> mac,
            RandomGenerator random) {
        try {
            Files.createDirectories(dataDir);
            if (mac.isPresent()) {
                return open(dataDir, model, mac.get());
            }
            Optional<DeviceFolder> existing = existingOf(dataDir, model);
            return existing.isPresent() ? existing.get() : open(dataDir, model, MacAddress.randomGrandstream(random));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static DeviceFolder open(Path dataDir, DeviceModel model, MacAddress mac) throws IOException {
        Path folder = dataDir.resolve(mac.compact());
        Optional<String> storedModel = storedModel(folder);
        if (storedModel.isPresent() && !storedModel.get().equals(model.id())) {
            throw new IllegalArgumentException("the device " + mac.compact() + " in " + dataDir + " is an "
                    + storedModel.get() + ", not an " + model.id() + "; choose another --mac or --data-dir");
        }
        if (storedModel.isEmpty()) {
            String identity = "model=" + model.id() + "\nmac=" + mac.compact() + "\n";
            AtomicFile.write(folder.resolve(IDENTITY), identity.getBytes(StandardCharsets.US_ASCII));
        }
        return new DeviceFolder(folder, model, mac);
    }

    private static Optional<DeviceFolder> existingOf(Path dataDir, DeviceModel model) throws IOException {
        List<Path> folders;
        try (Stream<Path> listing = Files.list(dataDir)) {
            folders = listing.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            Optional<String> storedModel = storedModel(folder);
            if (storedModel.isPresent() && storedModel.get().equals(model.id())) {
                MacAddress mac = MacAddress.parse(folder.getFileName().toString());
                return Optional.of(new DeviceFolder(folder, model, mac));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> storedModel(Path folder) throws IOException {
        byte[] identity = AtomicFile.read(folder.resolve(IDENTITY));
        if (identity == null) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(identity, StandardCharsets.US_ASCII)));
        return Optional.ofNullable(properties.getProperty("model"));
    }
}
