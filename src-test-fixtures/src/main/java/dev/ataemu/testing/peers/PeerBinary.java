package dev.ataemu.testing.peers;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a peer's executable. A missing peer fails the test instead of skipping it: a skipped
 * interoperability test looks green in CI, so the message names the Debian package to install
 * ({@code .ci/run} installs them).
 */
public final class PeerBinary {

    private PeerBinary() {
    }

    /** The executable at its Debian path, else the first of that name on the {@code PATH}. */
    public static Path require(String debianPath, String debianPackage) {
        Path usual = Path.of(debianPath);
        if (Files.isExecutable(usual)) {
            return usual;
        }
        String name = usual.getFileName().toString();
        String searchPath = System.getenv().getOrDefault("PATH", "");
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(name + " is not installed (looked for " + debianPath + " and on the PATH):"
                + " install the Debian package '" + debianPackage + "' (apt-get install " + debianPackage
                + "; .ci/run does it)");
    }

    /** A file the package ships besides its executable, such as a module. */
    static Path requireFile(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(file + " is missing: install the Debian package '" + debianPackage + "'");
        }
        return file;
    }
}
