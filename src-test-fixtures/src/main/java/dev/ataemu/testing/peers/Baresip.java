package dev.ataemu.testing.peers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real baresip 1.0 (Debian package {@code baresip}) on 127.0.0.1 as a scriptable far-end phone:
 * one account that answers by itself, audio from a WAV file ({@code aufile}), and what it hears and
 * sends dumped to WAV files by the {@code sndfile} filter. The test drives it over {@code ctrl_tcp}.
 *
 * <p>No sound card is touched: the player is an {@code aubridge} device nobody reads, which still
 * runs the decoder and so the dump.
 */
public final class Baresip implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    static final String PACKAGE = "baresip";
    static final Path MODULES = Path.of("/usr/lib/baresip/modules");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final PeerProcess process;
    private final BaresipControl control;
    private final Path directory;
    private final Path soundDirectory;
    private final int sipPort;
    private final String aor;
    private final Duration startupTime;

    private Baresip(PeerProcess process, BaresipControl control, Path directory, Path soundDirectory,
            int sipPort, String aor, Duration startupTime) {
        this.process = process;
        this.control = control;
        this.directory = directory;
        this.soundDirectory = soundDirectory;
        this.sipPort = sipPort;
        this.aor = aor;
        this.startupTime = startupTime;
    }

    /** Starts baresip with a fresh configuration folder under {@code workDir}. */
    public static Baresip start(Path workDir, BaresipOptions options) {
        Path binary = PeerBinary.require("/usr/bin/baresip", PACKAGE);
        try {
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, "baresip-" + options.user() + "-");
            Path sound = Files.createDirectories(dir.resolve("sound"));
            int sipPort;
            int controlPort;
            try (FreePorts ports = new FreePorts()) {
                // baresip listens for SIP on UDP and TCP at the port and for SIP over TLS at port + 1.
                sipPort = ports.block(2, true);
                controlPort = ports.tcp();
            }
            Path source = options.audioSource() != null ? options.audioSource().toAbsolutePath()
                    : BaresipConfig.writeSilence(dir.resolve("silence.wav"));
            String account = BaresipConfig.account(options, sipPort);
            Files.writeString(dir.resolve("config"), BaresipConfig.config(sipPort, controlPort, source, sound),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("accounts"), account + "\n", StandardCharsets.UTF_8);
            // Present but empty, so baresip does not write its template of example contacts.
            Files.writeString(dir.resolve("contacts"), "", StandardCharsets.UTF_8);

            long started = System.nanoTime();
            PeerProcess process = PeerProcess.start("baresip " + options.user(),
                    List.of(binary.toString(), "-4", "-f", dir.toString()), dir, dir.resolve("baresip.log"));
            try {
                BaresipControl control = connect(process, controlPort, options.startTimeout());
                String aor = options.registrar() != null
                        ? "sip:" + options.user() + "@" + options.registrar()
                        : "sip:" + options.user() + "@" + HOST + ":" + sipPort;
                return new Baresip(process, control, dir, sound, sipPort, aor,
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (RuntimeException | Error e) {
                process.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The control module is loaded after the SIP stack and the account, so its port answering means ready. */
    private static BaresipControl connect(PeerProcess process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw process.failure("exited during start-up");
            }
            try {
                return BaresipControl.connect(port, 200);
            } catch (IOException notYet) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw process.failure("start-up interrupted");
                }
            }
        }
        throw process.failure("did not open its control port " + port + " within " + timeout);
    }

    public int sipPort() {
        return sipPort;
    }

    /** The account's address of record. */
    public String aor() {
        return aor;
    }

    /** {@code sip:user@127.0.0.1:sipPort}, to call this phone directly. */
    public String directUri(String user) {
        return "sip:" + user + "@" + HOST + ":" + sipPort;
    }

    public Path directory() {
        return directory;
    }

    public Path log() {
        return process.log();
    }

    /** From launch to the control port answering. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Places a call; follow it with {@link #awaitEvent}({@code "CALL_ESTABLISHED"}). */
    public void dial(String uri) throws IOException, InterruptedException {
        command("dial", uri);
    }

    /** Hangs up the current call. */
    public void hangup() throws IOException, InterruptedException {
        command("hangup", null);
    }

    /** Answers the current incoming call (for accounts with a manual answer mode). */
    public void answer() throws IOException, InterruptedException {
        command("accept", null);
    }

    /** Any long command of baresip's menu, such as {@code reginfo}; returns its text output. */
    public String command(String command, String params) throws IOException, InterruptedException {
        JsonNode answer = control.command(command, params, COMMAND_TIMEOUT);
        if (!answer.path("ok").asBoolean(false)) {
            throw new IOException("baresip refused '" + command + (params != null ? " " + params : "") + "': "
                    + answer.path("data").asText(""));
        }
        return answer.path("data").asText("");
    }

    /**
     * Waits for the next event of this type not yet awaited ({@code REGISTER_OK}, {@code CALL_INCOMING},
     * {@code CALL_RINGING}, {@code CALL_ESTABLISHED}, {@code CALL_CLOSED}, ...); fails with the events
     * seen and the log when it does not come. Events since the control connection opened are kept.
     */
    public JsonNode awaitEvent(String type, Duration timeout) throws InterruptedException {
        JsonNode event = control.awaitEvent(e -> type.equals(e.path("type").asText()), timeout);
        if (event == null) {
            throw new AssertionError("baresip " + aor + ": no " + type + " event within " + timeout
                    + "; events: " + control.events() + System.lineSeparator() + process.logTail(30));
        }
        return event;
    }

    /** Every event received so far. */
    public List<JsonNode> events() {
        return control.events();
    }

    /**
     * The WAV of what the last call received, after decoding. The dump is complete once the call
     * has closed (await {@code CALL_CLOSED}); its name has one-second resolution, so two calls
     * within one second share a file.
     */
    public Path recordedAudio() {
        return newestDump("-dec.wav").orElseThrow(() ->
                new AssertionError("baresip " + aor + " recorded no audio in " + soundDirectory));
    }

    /** The WAV of what the last call sent, before encoding. */
    public Path sentAudio() {
        return newestDump("-enc.wav").orElseThrow(() ->
                new AssertionError("baresip " + aor + " sent no audio in " + soundDirectory));
    }

    private Optional<Path> newestDump(String suffix) {
        try (Stream<Path> files = Files.list(soundDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .max(Comparator.comparing((Path f) -> f.toFile().lastModified()).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException ignored) {
            // the process goes next anyway
        }
        // baresip's first SIGTERM stops gracefully: it un-registers, then waits for every SIP
        // transaction to time out, up to several seconds. A second SIGTERM makes it exit at once.
        process.terminate();
        try {
            if (process.awaitExit(Duration.ofMillis(300)) == null) {
                process.terminate();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.close();
    }

    static List<String> availableModules(List<String> wanted) {
        List<String> present = new ArrayList<>();
        for (String module : wanted) {
            if (Files.isRegularFile(MODULES.resolve(module + ".so"))) {
                present.add(module);
            }
        }
        return present;
    }
}
