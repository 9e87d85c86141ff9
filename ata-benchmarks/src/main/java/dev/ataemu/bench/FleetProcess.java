package dev.ataemu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's jar run as a fleet in a process of its own, with a 1 GiB heap, on consecutive
 * loopback addresses from 127.0.1.1 (or {@code -Dbench.firstAddress=...}). With
 * {@code -Dbench.cds=FILE} the JVM keeps the classes it loaded in that class-data-sharing archive
 * when it exits, and later runs start from the archive.
 */
final class FleetProcess implements AutoCloseable {

    static final Path JAR = Path.of("ata-emulator-main/target/ata-emulator.jar");

    private final Process process;
    private final Path output;

    private FleetProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static FleetProcess start(Path data, int devices, String... settings) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it first (mvn -q install -DskipTests)");
        }
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        String cds = System.getProperty("bench.cds");
        if (cds != null) {
            command.add(Files.isRegularFile(Path.of(cds)) ? "-XX:SharedArchiveFile=" + cds : "-XX:ArchiveClassesAtExit=" + cds);
            command.add("-Xlog:cds=off,cds+dynamic=off");
        }
        command.addAll(List.of("-jar", JAR.toString(), "--model", "HT502",
                "--fleet", Integer.toString(devices), "--mac", "000b82a00000", "--bind", "127.0.0.1",
                "--bind-range", System.getProperty("bench.firstAddress", "127.0.1.1"), "--http-port", "0", "--data-dir", data.toString()));
        command.addAll(List.of(settings));
        Path output = data.resolve("fleet.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new FleetProcess(process, output);
    }

    /** {@code options} followed by {@code more}, as one argument list. */
    static String[] with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String outputTail() throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** The fleet API's address, from the line the fleet prints once its devices have booted. */
    java.net.URI api() throws IOException, InterruptedException {
        java.util.regex.Pattern api = java.util.regex.Pattern.compile(" api (http://\\S+)");
        for (int tries = 0; tries < 1200; tries++) {
            java.util.regex.Matcher found = api.matcher(Files.readString(output));
            if (found.find()) {
                return java.net.URI.create(found.group(1));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the fleet printed no API address: " + outputTail());
    }

    /** How late the fleet's RTP sends ran since the last time this was asked (and asking starts afresh). */
    String sendTiming() throws IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api() + "/media")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    Footprint footprint() throws IOException, InterruptedException {
        return Footprint.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
