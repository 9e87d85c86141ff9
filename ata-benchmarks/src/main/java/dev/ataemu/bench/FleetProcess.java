package dev.ataemu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The emulator's jar run as a fleet in a process of its own, with a 1 GiB heap. */
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
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", JAR.toString(), "--model", "HT502",
                "--fleet", Integer.toString(devices), "--mac", "000b82a00000", "--bind", "127.0.0.1",
                "--bind-range", "127.0.1.1", "--http-port", "0", "--data-dir", data.toString()));
        command.addAll(List.of(settings));
        Path output = data.resolve("fleet.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new FleetProcess(process, output);
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
