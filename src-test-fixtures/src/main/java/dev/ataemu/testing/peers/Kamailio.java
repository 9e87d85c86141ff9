package dev.ataemu.testing.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real Kamailio 5.6 (Debian package {@code kamailio}) on 127.0.0.1 and a free port: a registrar
 * with its location table in memory and a record-routing proxy that forwards calls to registered
 * contacts and answers 404 for anyone else. REGISTER (and, unless turned off, INVITE) needs digest
 * authentication with the users and passwords the test gives; the realm is {@code 127.0.0.1}.
 *
 * <p>It runs in the foreground ({@code -DD -E}) as the test's own user, with its working, runtime
 * and control-socket folders in a private folder, so it needs no root-owned paths.
 */
public final class Kamailio implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final String PACKAGE = "kamailio";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");
    private static final Pattern PASSWORD = Pattern.compile("[\\x21\\x23-\\x5b\\x5d-\\x7e]{1,64}");
    /** A unix socket path must fit in sun_path (108 bytes, with the "unix:" prefix handled by Kamailio). */
    private static final int MAX_SOCKET_PATH = 100;

    private final PeerProcess process;
    private final Path directory;
    private final Path controlSocket;
    private final Path controlDirectory;
    private final Path configFile;
    private final int port;
    private final int tlsPort;
    private final Duration startupTime;

    private Kamailio(PeerProcess process, Path directory, Path controlSocket, Path controlDirectory,
            Path configFile, int port, int tlsPort, Duration startupTime) {
        this.tlsPort = tlsPort;
        this.process = process;
        this.directory = directory;
        this.controlSocket = controlSocket;
        this.controlDirectory = controlDirectory;
        this.configFile = configFile;
        this.port = port;
        this.startupTime = startupTime;
    }

    /** Starts Kamailio with these users (name to password), INVITE authentication on, UDP only. */
    public static Kamailio start(Path workDir, Map<String, String> users) {
        return builder(workDir).users(users).start();
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public static final class Builder {
        private final Path workDir;
        private final Map<String, String> users = new LinkedHashMap<>();
        private boolean authenticateInvites = true;
        private boolean tcp;
        private boolean tls;
        private Duration startTimeout = Duration.ofSeconds(15);
        private int port;
        private int maxExpires = 3600;
        private int sharedMemoryMb = 32;
        private boolean thirdPartyRegistrations;

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder user(String name, String password) {
            if (!USER.matcher(name).matches()) {
                throw new IllegalArgumentException("user name not usable in the generated config: " + name);
            }
            if (!PASSWORD.matcher(password).matches()) {
                throw new IllegalArgumentException("password must be printable ASCII without quote, backslash or space");
            }
            users.put(name, password);
            return this;
        }

        public Builder users(Map<String, String> namesToPasswords) {
            namesToPasswords.forEach(this::user);
            return this;
        }

        /** Off: calls need no credentials, for peers (SIPp's stock uac) that cannot answer a 407. */
        public Builder authenticateInvites(boolean on) {
            this.authenticateInvites = on;
            return this;
        }

        /** Also listen on TCP, on the same port number. */
        public Builder tcp(boolean on) {
            this.tcp = on;
            return this;
        }

        /**
         * Also listen on TLS (TLS 1.2 and up, Debian package {@code kamailio-tls-modules}), on a port of
         * its own, with a fresh self-signed certificate; it checks no certificate of its peers.
         */
        public Builder tls(boolean on) {
            this.tls = on;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Listens on this UDP port rather than a free one (a server that comes back where it was). */
        public Builder port(int udpPort) {
            port = udpPort;
            return this;
        }

        /** The longest registration it grants, in seconds (and no shortest): short ones renew soon. */
        /** Lets one credential register any user: SIPp's load scenarios answer every challenge alike. */
        public Builder thirdPartyRegistrations(boolean on) {
            this.thirdPartyRegistrations = on;
            return this;
        }

        /** Shared memory, for the location table of a large fleet (32 MiB by default). */
        public Builder sharedMemoryMb(int megabytes) {
            this.sharedMemoryMb = megabytes;
            return this;
        }

        public Builder maxExpires(int seconds) {
            maxExpires = seconds;
            return this;
        }

        public Kamailio start() {
            return Kamailio.launch(this);
        }
    }

    private static Kamailio launch(Builder b) {
        Path binary = PeerBinary.require("/usr/sbin/kamailio", PACKAGE);
        try {
            Files.createDirectories(b.workDir);
            Path dir = Files.createTempDirectory(b.workDir, "kamailio-");
            Path runtime = Files.createDirectories(dir.resolve("run"));
            Path controlDirectory = null;
            Path socket = runtime.resolve("ctl.sock");
            if (socket.toAbsolutePath().toString().length() > MAX_SOCKET_PATH) {
                // JUnit's temp folders can be deep; the socket then goes to a short folder of its own.
                controlDirectory = Files.createTempDirectory(Path.of("/tmp"), "kam");
                socket = controlDirectory.resolve("ctl.sock");
            }
            int port = b.port;
            if (port == 0) {
                try (FreePorts ports = new FreePorts()) {
                    port = ports.udp(b.tcp);
                }
            }
            int tlsPort = 0;
            String tlsModule = "";
            if (b.tls) {
                try (FreePorts ports = new FreePorts()) {
                    tlsPort = ports.tcp();
                }
                tlsModule = TlsFiles.write(dir, PACKAGE);
            }
            Path config = dir.resolve("kamailio.cfg");
            Files.writeString(config, configText(b, port, socket.toAbsolutePath(), tlsPort, tlsModule),
                    StandardCharsets.US_ASCII);
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "-DD", "-E",
                    "-f", config.toString(),
                    "-w", dir.toString(),
                    "-Y", runtime.toString(),
                    // Small pools: a test proxy holds a handful of registrations and transactions.
                    // The users are lines of the configuration, which is parsed in private memory.
                    "-m", Integer.toString(b.sharedMemoryMb), "-M", Integer.toString(4 + b.users.size() / 50)));
            long started = System.nanoTime();
            PeerProcess process = PeerProcess.start("kamailio", command, dir, dir.resolve("kamailio.log"));
            Kamailio kamailio;
            try {
                awaitReady(process, port, b.startTimeout);
                kamailio = new Kamailio(process, dir, socket, controlDirectory, config, port, tlsPort,
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (RuntimeException | Error e) {
                process.close();
                throw e;
            }
            return kamailio;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String configText(Builder b, int port, Path socket, int tlsPort, String tlsModule) throws IOException {
        String template;
        try (InputStream in = Kamailio.class.getResourceAsStream("kamailio.cfg")) {
            if (in == null) {
                throw new IllegalStateException("kamailio.cfg template missing from the class path");
            }
            template = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        StringBuilder users = new StringBuilder();
        b.users.forEach((name, password) ->
                users.append("    $sht(users=>").append(name).append(") = \"").append(password).append("\";\n"));
        String listen = "listen=udp:" + HOST + ":" + port + "\n"
                + (b.tcp ? "listen=tcp:" + HOST + ":" + port + "\n" : b.tls ? "" : "disable_tcp=yes\n")
                + (b.tls ? "enable_tls=yes\nlisten=tls:" + HOST + ":" + tlsPort + "\nalias=\"" + HOST + ":" + tlsPort
                        + "\"\n" : "");
        return template
                .replace("@DEFINES@", (b.authenticateInvites ? "#!define WITH_INVITE_AUTH\n" : "")
                        + (b.thirdPartyRegistrations ? "#!define WITH_THIRD_PARTY_REGISTRATION\n" : ""))
                .replace("@LISTEN@", listen)
                .replace("@TLS_MODULE@", tlsModule)
                .replace("@PORT@", Integer.toString(port))
                .replace("@MAX_EXPIRES@", Integer.toString(b.maxExpires))
                .replace("@CTL@", socket.toString())
                .replace("@USERS@", users.toString());
    }

    private static void awaitReady(PeerProcess process, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw process.failure("exited during start-up");
            }
            try {
                if (SipOptionsProbe.ping(port, 100) == 200) {
                    return;
                }
                Thread.sleep(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw process.failure("start-up interrupted");
            }
        }
        throw process.failure("did not answer OPTIONS on UDP port " + port + " within " + timeout);
    }

    public String host() {
        return HOST;
    }

    /** The TLS port, when started with {@link Builder#tls}. */
    public int tlsPort() {
        return tlsPort;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, the registrar and outbound proxy for accounts. */
    public String hostPort() {
        return HOST + ":" + port;
    }

    /** {@code sip:user@127.0.0.1:port}. */
    public String uri(String user) {
        return "sip:" + user + "@" + hostPort();
    }

    public Path directory() {
        return directory;
    }

    public Path configFile() {
        return configFile;
    }

    /** Kamailio's own log (stderr), for diagnosing a failed test. */
    public Path log() {
        return process.log();
    }

    /** From launch to the first answered OPTIONS. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The location table as {@code kamcmd ul.dump} prints it. */
    public String registrations() {
        return kamcmd("ul.dump");
    }

    public boolean isRegistered(String user) {
        String wanted = "AoR: " + user;
        return registrations().lines().anyMatch(line -> line.trim().equals(wanted));
    }

    /** Waits until {@code user} has a registration (registering is asynchronous to the test). */
    public void awaitRegistered(String user, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isRegistered(user)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(user + " did not register with Kamailio within " + timeout
                        + "; location table:\n" + registrations() + "\nlog tail:\n" + process.logTail(30));
            }
            Thread.sleep(50);
        }
    }

    /** Runs a kamcmd RPC command on this instance's control socket and returns its output. */
    public String kamcmd(String... rpc) {
        Path kamcmd = PeerBinary.require("/usr/sbin/kamcmd", PACKAGE);
        List<String> command = new ArrayList<>(List.of(kamcmd.toString(), "-s", "unix:" + controlSocket));
        command.addAll(List.of(rpc));
        try {
            // Output to a file, not a pipe, so that a stuck kamcmd cannot block the read past the timeout.
            Path out = Files.createTempFile(directory, "kamcmd-", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kamcmd " + String.join(" ", rpc) + " did not finish in 5 s");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("kamcmd " + String.join(" ", rpc) + " failed (" + p.exitValue() + "): " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Log tail, for assertion messages. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        process.close();
        if (controlDirectory != null) {
            try {
                Files.deleteIfExists(controlSocket);
                Files.deleteIfExists(controlDirectory);
            } catch (IOException ignored) {
                // a leftover empty folder in /tmp is harmless
            }
        }
    }
}
