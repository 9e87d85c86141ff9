package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The emulator as a user runs it: its own JVM, its start line, SIGTERM to stop. */
final class EmulatorProcess implements AutoCloseable {

    private static final Pattern WEB = Pattern.compile(" web (http://\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> startLine = new CompletableFuture<>();
    private final Thread reader;

    private final java.nio.file.Path errors;

    private EmulatorProcess(Process process, java.nio.file.Path errors) {
        this.process = process;
        this.errors = errors;
        reader = new Thread(this::readOutput, "emulator-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static EmulatorProcess start(String... args) throws IOException {
        java.nio.file.Path errors = java.nio.file.Files.createTempFile("emulator-stderr", ".txt");
        errors.toFile().deleteOnExit();
        Process process = ChildJvm.builder(AtaEmulator.class.getName(), List.of(), List.of(args))
                .redirectError(errors.toFile())
                .start();
        return new EmulatorProcess(process, errors);
    }

    /** What the emulator wrote on standard error so far. */
    String errors() throws IOException {
        return java.nio.file.Files.readString(errors);
    }

    /** Types a line on the emulator's console. */
    void type(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits for a line of output that contains {@code text}. */
    String awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no output line with '" + text + "' in " + output);
    }

    /** Waits for the line the emulator prints once its device is up. */
    String awaitStartLine() throws Exception {
        return startLine.get(60, TimeUnit.SECONDS);
    }

    URI webUri() throws Exception {
        Matcher m = WEB.matcher(awaitStartLine());
        assertThat(m.find()).as("start line names the web URL").isTrue();
        return URI.create(m.group(1));
    }

    HttpResponse<String> get(String path, String adminPassword) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(webUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a JSON body to the emulator API as the administrator. */
    HttpResponse<String> post(String path, String json, String adminPassword) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(webUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM and waits for the process to end; returns what it printed. */
    List<String> terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close the pipe the last lines come through.
        process.toHandle().destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        reader.join(10_000);
        return new ArrayList<>(output);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (WEB.matcher(line).find()) {
                    startLine.complete(line);
                }
            }
            startLine.completeExceptionally(new IllegalStateException("the emulator ended without a start line: " + output));
        } catch (IOException e) {
            startLine.completeExceptionally(e);
        }
    }
}
