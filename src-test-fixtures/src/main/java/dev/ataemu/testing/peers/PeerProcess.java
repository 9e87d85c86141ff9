package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer's operating-system process: started in its own folder with its output in a log file,
 * and ended with its whole process tree, since Kamailio forks workers that outlive a killed parent.
 */
final class PeerProcess implements AutoCloseable {

    /** How long a peer may take to shut down cleanly (Kamailio frees its shared memory) before SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final String name;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static PeerProcess start(String name, List<String> command, Path directory, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().put("LC_ALL", "C");
        try {
            Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
            return new PeerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The exit code, or {@code null} when the process still runs after {@code timeout}. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return process.exitValue();
        }
        return null;
    }

    /** Sends SIGTERM without waiting. */
    void terminate() {
        process.destroy();
    }

    /** The last lines of the log, for failure messages. */
    String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** A failure that carries the peer's log tail, because a peer's own words beat a bare timeout. */
    IllegalStateException failure(String what) {
        return new IllegalStateException(name + " " + what + " (log " + log + "):" + System.lineSeparator() + logTail(40));
    }

    /** SIGTERM to the process, then SIGKILL to whatever of its tree is left after the grace period. */
    @Override
    public void close() {
        // Collected first: once the parent is gone its children are re-parented and no longer found.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        // The parent alone gets SIGTERM: Kamailio's main process stops its workers itself.
        process.destroy();
        long deadline = System.nanoTime() + GRACE.toNanos();
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception stillRunning) {
                // killed below
            }
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
    }
}
