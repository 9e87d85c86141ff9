package dev.ataemu.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.cli.server.SshService;
import dev.ataemu.cli.server.TelnetService;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.time.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who the SSH and Telnet servers let in (SEC-09): the administrator's password only, tried with
 * every other password the device knows, other user names, keys and typing mistakes; a refused
 * client never reaches the shell, and what it typed never runs.
 */
class ShellLoginTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Passwords of the device that are not the administrator's, and near misses of it. (A terminal's
     * control characters are line editing, not password characters: "admin" and a tab is "admin".)
     */
    private static final List<String> NOT_THE_ADMIN_PASSWORD = List.of("123", "viewer", "", "ADMIN", "Admin", "admin ",
            " admin", "admin1", "admi", "adminadmin");

    @TempDir
    Path work;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("SEC-09 SSH lets in only the user admin with the admin password: the end user's and the viewer's "
            + "passwords, near misses, other user names, keyboard-interactive with a wrong password and a key are refused, "
            + "a refused client runs nothing, and a changed admin password counts at once")
    void sshOnlyAdmin() throws Exception {
        Device device = ShellDevices.booted(work.resolve("data"), DeviceModels.HT813, scheduler);
        int refused = 0;
        try (SshService ssh = SshService.start(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                work.resolve("host-key")); SshClient client = client()) {
            for (String password : NOT_THE_ADMIN_PASSWORD.stream().filter(p -> !p.isEmpty()).toList()) {
                assertThat(passwordLogin(client, ssh.port(), "admin", password)).as("admin / '" + password + "'").isFalse();
                refused++;
            }
            for (String user : List.of("user", "viewer", "root", "Admin", "admin ", "")) {
                for (String password : List.of("admin", "123", "viewer")) {
                    assertThat(passwordLogin(client, ssh.port(), user, password)).as(user + " / " + password).isFalse();
                    refused++;
                }
            }
            assertThat(keyboardInteractive(client, ssh.port(), "123")).isFalse();
            assertThat(publicKey(client, ssh.port())).as("a key the device never saw").isFalse();
            refused += 2;

            try (ClientSession session = client.connect("admin", "127.0.0.1", ssh.port()).verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity("123");
                assertThatThrownBy(() -> session.auth().verify(TIMEOUT)).isInstanceOf(SshException.class);
                assertThatThrownBy(() -> {
                    ChannelExec exec = session.createExecChannel("reboot");
                    exec.open().verify(TIMEOUT);
                }).as("no channel without a login").isInstanceOf(Exception.class);
            }
            scheduler.advance(Duration.ofSeconds(1));
            assertThat(device.power()).as("nothing a refused client sent ran").isEqualTo(PowerState.READY);

            assertThat(passwordLogin(client, ssh.port(), "admin", "admin")).isTrue();
            assertThat(keyboardInteractive(client, ssh.port(), "admin")).isTrue();
            device.store().apply(Map.of("P2", "N3w-Secret"));
            assertThat(passwordLogin(client, ssh.port(), "admin", "admin")).as("the old password").isFalse();
            assertThat(passwordLogin(client, ssh.port(), "admin", "N3w-Secret")).isTrue();
            refused++;
        }
        System.out.printf("SEC-09 SSH: %d logins refused, 3 let in%n", refused);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HT502", "HT813"})
    @DisplayName("SEC-09 Telnet gives the shell only for the admin password: other passwords of the device, near misses "
            + "and commands typed at the prompt are refused, three refusals end the connection, and nothing typed runs")
    void telnetOnlyAdmin(String modelId) throws Exception {
        DeviceModel model = modelId.equals("HT813") ? DeviceModels.HT813 : DeviceModels.HT502;
        Device device = ShellDevices.booted(work.resolve("data"), model, scheduler);
        Map<Integer, String> before = device.store().snapshot();
        int refused = 0;
        try (TelnetService telnet = TelnetService.start(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            List<List<String>> connections = List.of(NOT_THE_ADMIN_PASSWORD.subList(0, 3), NOT_THE_ADMIN_PASSWORD.subList(3, 6),
                    NOT_THE_ADMIN_PASSWORD.subList(6, 9), List.of("reboot", "reset 0", "config"));
            for (List<String> tries : connections) {
                String transcript = telnet(telnet.port(), tries, false);
                assertThat(transcript).as(String.join(", ", tries)).doesNotContain("GS> ", "Command Shell");
                assertThat(transcript.split("Login incorrect", -1)).hasSize(4);
                refused += tries.size();
            }
            scheduler.advance(Duration.ofSeconds(2));
            assertThat(device.power()).isEqualTo(PowerState.READY);
            assertThat(device.store().snapshot()).isEqualTo(before);

            String shell = telnet(telnet.port(), List.of("admin", "config", "get 2", "get 34", "set 2 " + "Y".repeat(40),
                    "exit", "exit"), true);
            assertThat(shell).as("SEC-16: the shell never shows a password, nor one it refuses").contains("GS> ",
                    "2 = \r\n", "34 = \r\n", "Invalid value for P2").doesNotContain("YYYYYYYYYY");
        }
        System.out.printf("SEC-09 Telnet %s: %d passwords refused over 4 connections, each closed after 3%n", modelId, refused);
    }

    // --- SSH -------------------------------------------------------------------------------

    private static SshClient client() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.start();
        return client;
    }

    private static boolean passwordLogin(SshClient client, int port, String user, String password) throws IOException {
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        return login(client, port, user, session -> session.addPasswordIdentity(password));
    }

    private static boolean keyboardInteractive(SshClient client, int port, String password) throws IOException {
        client.setUserAuthFactories(List.of(UserAuthKeyboardInteractiveFactory.INSTANCE));
        return login(client, port, "admin", session -> session.addPasswordIdentity(password));
    }

    private static boolean publicKey(SshClient client, int port) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair key = generator.generateKeyPair();
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        return login(client, port, "admin", session -> session.addPublicKeyIdentity(key));
    }

    private interface Identity {
        void add(ClientSession session);
    }

    private static boolean login(SshClient client, int port, String user, Identity identity) throws IOException {
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(TIMEOUT).getSession()) {
            identity.add(session);
            session.auth().verify(TIMEOUT);
            return true;
        } catch (SshException refused) {
            return false;
        }
    }

    // --- Telnet ----------------------------------------------------------------------------

    /** Sends each line when the server asks for it; all the server wrote, until it closed (or, logged in, the last prompt). */
    private static String telnet(int port, List<String> lines, boolean loggedIn) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();
            boolean first = true;
            for (String line : lines) {
                if (!readUntil(in, transcript, loggedIn && !first ? "> " : "Password: ")) {
                    break;
                }
                first = false;
                out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (!loggedIn) {
                readUntil(in, transcript, null);
            } else {
                readUntil(in, transcript, "GS> ");
            }
            return transcript.toString(StandardCharsets.UTF_8);
        }
    }

    /** Reads until the transcript ends with {@code end} (true), or until the server closes (false); null reads to the close. */
    private static boolean readUntil(InputStream in, ByteArrayOutputStream transcript, String end) throws IOException {
        int start = transcript.size();
        while (true) {
            if (end != null && transcript.toString(StandardCharsets.UTF_8).substring(start).endsWith(end)) {
                return true;
            }
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException stalled) {
                throw new IOException("the server stopped answering: " + transcript.toString(StandardCharsets.UTF_8));
            }
            if (b < 0) {
                return false;
            }
            transcript.write(b);
        }
    }
}
