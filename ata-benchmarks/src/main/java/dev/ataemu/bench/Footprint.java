package dev.ataemu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process's live heap (after a full collection, by jcmd), threads and resident memory. */
record Footprint(long heapUsedKb, int threads, long rssKb, int openFiles) {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static Footprint of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        long heap = used.find() ? Long.parseLong(used.group(1)) : -1;
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int files;
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            files = (int) fds.count();
        }
        return new Footprint(heap, (int) field(status, "Threads:"), field(status, "VmRSS:"), files);
    }

    String describe(int devices) {
        return String.format("heap %d MiB (%.0f KiB per device), %d threads (%.1f per device), RSS %d MiB, %d open files",
                heapUsedKb / 1024, (double) heapUsedKb / devices, threads, (double) threads / devices, rssKb / 1024,
                openFiles);
    }

    private static long field(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name))
                .map(line -> line.substring(name.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return text;
    }
}
