package dev.ataemu.core.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash or power cut at any instant leaves either the old content or the
 * new, never a torn mix: write a temporary file beside it, force it to disk, rename it over the
 * target, then force the folder so the rename itself is durable.
 */
public final class AtomicFile {

    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            // A write cut short by a full disk leaves a partial copy that holds on to the space the next try needs.
            try {
                Files.deleteIfExists(temp);
            } catch (IOException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw new IOException("the file system of " + folder + " cannot rename atomically", e);
        }
        forceFolder(folder);
    }

    /** Reads the file, or returns null when it does not exist; a leftover temporary file is discarded. */
    public static byte[] read(Path target) throws IOException {
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + TEMP_SUFFIX));
        return Files.exists(target) ? Files.readAllBytes(target) : null;
    }

    private static void forceFolder(Path folder) throws IOException {
        // Opening a directory for reading and forcing it is how the JDK exposes fsync(dir) on Linux and macOS.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
