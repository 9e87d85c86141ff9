package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a SIPp run ended. SIPp's exit codes: 0 every call succeeded, 1 at least one failed,
 * 97 stopped by a command, 99 ended without any call, 255 (-1) fatal error, 254 (-2) cannot bind.
 */
public record SippResult(int exitCode, Path directory, Path output, Path errors, Path stats, Path messages) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** SIPp's error log ({@code -trace_err}): unexpected messages, timeouts. */
    public String errorsText() {
        return read(errors);
    }

    /** The cumulative statistics of the last row of the {@code -trace_stat} file, by column name. */
    public Map<String, String> statistics() {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(stats)) {
            return values;
        }
        try {
            List<String> lines = Files.readAllLines(stats, StandardCharsets.ISO_8859_1);
            if (lines.size() < 2) {
                return values;
            }
            String[] names = lines.get(0).split(";");
            String[] row = lines.get(lines.size() - 1).split(";");
            for (int i = 0; i < names.length && i < row.length; i++) {
                values.put(names[i], row[i]);
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long successfulCalls() {
        return count("SuccessfulCall(C)");
    }

    public long failedCalls() {
        return count("FailedCall(C)");
    }

    private long count(String column) {
        String value = statistics().get(column);
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.trim());
    }

    /** Exit code, error log and output tail: an assertion's description. */
    public String describe() {
        String nl = System.lineSeparator();
        return "sipp exit code " + exitCode + " in " + directory + nl
                + "errors:" + nl + tailOf(errorsText(), 40) + nl
                + "output:" + nl + PeerProcess.tail(output, 25);
    }

    private static String tailOf(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
