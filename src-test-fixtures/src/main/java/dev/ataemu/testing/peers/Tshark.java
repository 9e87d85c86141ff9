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
 * Wireshark's tshark (Debian package {@code tshark}) capturing on the loopback interface into a
 * file, then reading the capture back through its dissectors: what a real network analyser makes
 * of the packets a test's device sent. Capturing needs root (or dumpcap's capabilities).
 */
public final class Tshark implements AutoCloseable {

    static final String PACKAGE = "tshark";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final Path binary;
    private final PeerProcess process;
    private final Path capture;

    private Tshark(Path binary, PeerProcess process, Path capture) {
        this.binary = binary;
        this.process = process;
        this.capture = capture;
    }

    /** Starts capturing what matches {@code captureFilter} (BPF, e.g. {@code udp port 5060}) on {@code lo}. */
    public static Tshark capture(Path workDir, String captureFilter) throws InterruptedException {
        Path binary = PeerBinary.require("/usr/bin/tshark", PACKAGE);
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "tshark-");
            Path capture = dir.resolve("capture.pcapng");
            PeerProcess process = PeerProcess.start("tshark", List.of(binary.toString(), "-i", "lo", "-f", captureFilter,
                    "-w", capture.toString()), dir, dir.resolve("tshark.log"));
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!Files.readString(process.log(), StandardCharsets.ISO_8859_1).contains("Capturing on")) {
                if (!process.isAlive()) {
                    throw process.failure("stopped before capturing (capturing on lo needs root)");
                }
                if (System.nanoTime() > deadline) {
                    process.close();
                    throw process.failure("did not start capturing within " + START_TIMEOUT);
                }
                Thread.sleep(50);
            }
            // dumpcap says it is capturing just before its first read; give the socket a moment.
            Thread.sleep(300);
            return new Tshark(binary, process, capture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the capture and waits until the file is complete. */
    public Path stop() throws InterruptedException {
        Thread.sleep(300);
        process.terminate();
        if (process.awaitExit(Duration.ofSeconds(10)) == null) {
            process.close();
        }
        return capture;
    }

    /**
     * Reads the capture through the dissectors: one line per packet matching {@code displayFilter},
     * the {@code fields} separated by tabs.
     */
    public List<String> read(String displayFilter, String... fields) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-r", capture.toString(), "-Y", displayFilter,
                "-T", "fields"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        try {
            Process reader = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] output = reader.getInputStream().readAllBytes();
            String errors = new String(reader.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!reader.waitFor(30, TimeUnit.SECONDS) || reader.exitValue() != 0) {
                throw new IllegalStateException("tshark could not read " + capture + " with '" + displayFilter + "': " + errors);
            }
            String text = new String(output, StandardCharsets.UTF_8);
            return text.isBlank() ? List.of() : List.of(text.strip().split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return capture;
    }

    @Override
    public void close() {
        process.close();
    }
}
