package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of SIPp 3.6 (Debian package {@code sip-tester}) on 127.0.0.1: a stock scenario
 * ({@code -sn uac}, {@code -sn uas}, ...), a scenario file of the test's, or one shipped here
 * ({@link #REGISTER}, {@link #AUTHENTICATED_CALL}, {@link #ANSWER}). Configure, then {@link #run()} to block until
 * SIPp exits (a caller) or {@link #start()} to keep it in the background (an answerer).
 *
 * <p>Each run gets its own folder in the work folder with SIPp's output, error log and
 * statistics, which {@link SippResult#describe()} quotes when a test fails.
 */
public final class Sipp {

    /** REGISTER with digest authentication; keys {@code contact_host}, {@code contact_port}, {@code expires}. */
    public static final String REGISTER = "sipp-register.xml";
    /**
     * An INVITE that answers the proxy's 407, then ACK and BYE along the record-route set; key
     * {@code caller} is the From user; the call lasts {@link #callDuration}.
     */
    public static final String AUTHENTICATED_CALL = "sipp-uac-auth.xml";

    /**
     * Answers with 180 and 200 (PCMU), returns the Record-Route set and waits for the BYE; half a
     * second after it the call is over (SIPp's stock uas lingers four).
     */
    public static final String ANSWER = "sipp-uas.xml";

    private static final String PACKAGE = "sip-tester";
    public static final String HOST = "127.0.0.1";

    private final Path workDir;
    private final List<String> scenario;
    private final String name;
    private String remote;
    private int localPort;
    private String service;
    private String authUser;
    private String authPassword;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private int calls = 1;
    private Double rate;
    private Duration callDuration;
    private Duration timeout = Duration.ofSeconds(20);
    private boolean traceMessages;
    private final List<String> extra = new ArrayList<>();

    private Sipp(Path workDir, String name, List<String> scenario) {
        this.workDir = workDir;
        this.name = name;
        this.scenario = scenario;
    }

    /** One of SIPp's built-in scenarios, by its {@code -sn} name. */
    public static Sipp stock(Path workDir, String scenarioName) {
        return new Sipp(workDir, scenarioName, List.of("-sn", scenarioName));
    }

    /** A scenario file the test wrote. */
    public static Sipp scenario(Path workDir, Path scenarioFile) {
        String file = scenarioFile.getFileName().toString();
        return new Sipp(workDir, file.replaceFirst("\\.xml$", ""), List.of("-sf", scenarioFile.toAbsolutePath().toString()));
    }

    /** A scenario shipped with these fixtures, such as {@link #REGISTER}. */
    public static Sipp resource(Path workDir, String scenarioResource) {
        try (InputStream in = Sipp.class.getResourceAsStream(scenarioResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no SIPp scenario resource " + scenarioResource);
            }
            Files.createDirectories(workDir);
            Path copy = workDir.resolve(Path.of(scenarioResource).getFileName().toString());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return scenario(workDir, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers {@code user} at {@code registrar} with the contact {@code 127.0.0.1:contactPort}. */
    public static Sipp registration(Path workDir, String registrar, String user, String password, int contactPort) {
        return resource(workDir, REGISTER).remote(registrar).service(user).auth(user, password)
                .key("contact_host", HOST).key("contact_port", Integer.toString(contactPort)).key("expires", "3600");
    }

    /** Calls {@code callee} through {@code proxy} as {@code caller}, answering the 407 challenge. */
    public static Sipp authenticatedCall(Path workDir, String proxy, String caller, String password, String callee) {
        return resource(workDir, AUTHENTICATED_CALL).remote(proxy).service(callee).auth(caller, password)
                .key("caller", caller).callDuration(Duration.ofMillis(200));
    }

    /** Answers {@code calls} calls with {@link #ANSWER}; {@link #start()} it, then register its port. */
    public static Sipp answerer(Path workDir, int calls) {
        return resource(workDir, ANSWER).calls(calls);
    }

    /** Where requests go, {@code host:port}; a uas needs none. */
    public Sipp remote(String hostPort) {
        this.remote = hostPort;
        return this;
    }

    /** The local SIP port; a free one when not set. */
    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** {@code -s}: the request-URI user. */
    public Sipp service(String user) {
        this.service = user;
        return this;
    }

    /** {@code -au}/{@code -ap}: credentials for {@code [authentication]}. */
    public Sipp auth(String user, String password) {
        this.authUser = user;
        this.authPassword = password;
        return this;
    }

    /** {@code -key}: a value for {@code [name]} in the scenario. */
    public Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** {@code -m}: SIPp exits after this many calls. */
    public Sipp calls(int count) {
        this.calls = count;
        return this;
    }

    /** {@code -r}: calls per second. */
    public Sipp rate(double callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** {@code -d}: the length of a scenario's bare {@code <pause/>}. */
    public Sipp callDuration(Duration duration) {
        this.callDuration = duration;
        return this;
    }

    /** {@code -timeout} with {@code -timeout_error}: reaching it fails the run. */
    public Sipp timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** {@code -trace_msg}: every message sent and received, into {@code messages.log}. */
    public Sipp traceMessages(boolean on) {
        this.traceMessages = on;
        return this;
    }

    /** Further SIPp options, verbatim. */
    public Sipp extra(String... options) {
        extra.addAll(List.of(options));
        return this;
    }

    /** Runs SIPp to its end. */
    public SippResult run() throws InterruptedException {
        try (SippRun running = start()) {
            return running.awaitResult(timeout.plusSeconds(10));
        }
    }

    /** Starts SIPp in the background; its SIP port is bound when this returns. */
    public SippRun start() throws InterruptedException {
        Path binary = PeerBinary.require("/usr/bin/sipp", PACKAGE);
        try {
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, "sipp-" + name + "-");
            int sipPort;
            int mediaPort;
            try (FreePorts ports = new FreePorts()) {
                sipPort = localPort != 0 ? localPort : ports.udp(false);
                // SIPp binds its RTP echo on -mp and video on -mp + 2: four ports keep instances apart.
                mediaPort = ports.block(4, false);
            }
            Path errors = dir.resolve("errors.log");
            Path stats = dir.resolve("stats.csv");
            Path messages = dir.resolve("messages.log");
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            if (remote != null) {
                command.add(remote);
            }
            command.addAll(scenario);
            command.addAll(List.of("-i", HOST, "-p", Integer.toString(sipPort), "-mp", Integer.toString(mediaPort)));
            if (service != null) {
                command.addAll(List.of("-s", service));
            }
            if (authUser != null) {
                command.addAll(List.of("-au", authUser, "-ap", authPassword));
            }
            keys.forEach((k, v) -> command.addAll(List.of("-key", k, v)));
            command.addAll(List.of("-m", Integer.toString(calls)));
            if (rate != null) {
                command.addAll(List.of("-r", Double.toString(rate)));
            }
            if (callDuration != null) {
                command.addAll(List.of("-d", Long.toString(callDuration.toMillis())));
            }
            command.addAll(List.of("-nostdin",
                    "-trace_err", "-error_file", errors.toString(),
                    "-trace_stat", "-stf", stats.toString(),
                    "-timeout", Math.max(1, timeout.toSeconds()) + "s", "-timeout_error"));
            if (traceMessages) {
                command.addAll(List.of("-trace_msg", "-message_file", messages.toString()));
            }
            command.addAll(extra);
            PeerProcess process = PeerProcess.start("sipp " + name, command, dir, dir.resolve("sipp.log"));
            SippRun run = new SippRun(process, dir, sipPort, errors, stats, messages);
            run.awaitBound();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
