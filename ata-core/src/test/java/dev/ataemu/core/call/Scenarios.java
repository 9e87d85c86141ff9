package dev.ataemu.core.call;

import dev.ataemu.testing.peers.Sipp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SIPp scenarios of these tests, kept beside them as resources. */
final class Scenarios {

    private Scenarios() {
    }

    /** SIPp with the scenario {@code name} (a resource of this package), run in {@code work}/sipp. */
    static Sipp sipp(Path work, String name) {
        try (InputStream scenario = Scenarios.class.getResourceAsStream(name)) {
            if (scenario == null) {
                throw new IllegalArgumentException("no scenario " + name);
            }
            Path file = Files.createDirectories(work.resolve("sipp")).resolve(name);
            Files.copy(scenario, file);
            return Sipp.scenario(work.resolve("sipp"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
