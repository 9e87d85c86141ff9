package dev.ataemu.core.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Real write failures for a file that is replaced atomically (written to {@code <name>.tmp} beside it,
 * then renamed): the temporary name made a link to {@code /dev/full}, where every write fails with
 * "No space left on device", or a folder, which cannot be opened for writing at all. Both come from
 * the kernel, so the code under test meets them exactly as it would on a full or failing disk.
 */
final class DiskFaults {

    static final Path FULL_DEVICE = Path.of("/dev/full");

    private int injected;

    /** Whether this machine has a device that is always full (Linux). */
    static boolean available() {
        return Files.isWritable(FULL_DEVICE);
    }

    /** The next write of {@code file} meets a full disk. */
    void full(Path file) {
        clear(file);
        try {
            Files.createSymbolicLink(temporary(file), FULL_DEVICE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        injected++;
    }

    /** The next write of {@code file} fails to open its temporary file (an I/O error, not a full disk). */
    void broken(Path file) {
        clear(file);
        try {
            Files.createDirectory(temporary(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        injected++;
    }

    /** The disk works again. */
    void clear(Path file) {
        try {
            Path temporary = temporary(file);
            if (Files.isDirectory(temporary, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(temporary);
            } else {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a failed write left anything behind under the temporary name. */
    static boolean leftovers(Path file) {
        return Files.exists(temporary(file), LinkOption.NOFOLLOW_LINKS);
    }

    int injected() {
        return injected;
    }

    private static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }
}
