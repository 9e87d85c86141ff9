package dev.ataemu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.cli.server.SshService;
import dev.ataemu.cli.server.TelnetService;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.testing.peers.OpenSsh;
import dev.ataemu.time.VirtualScheduler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell over SSH, driven by Debian's OpenSSH client, and over Telnet, driven by a socket. */
class RemoteShellTest {

    @TempDir
    Path work;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    private static InetSocketAddress anyLoopbackPort() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    @DisplayName("MGMT-02 MGMT-05 SEC-09 OpenSSH logs in as admin with the admin password, sets P-values, commits "
            + "and reboots the HT813, as the configurator does; a wrong password is refused")
    void openSshConfigures() throws Exception {
        Device device = ShellDevices.booted(work.resolve("data"), DeviceModels.HT813, scheduler);
        try (SshService ssh = SshService.start(device, anyLoopbackPort(), work.resolve("host-key"))) {
            OpenSsh client = new OpenSsh(work, ssh.port());
            OpenSsh.Result session = client.run("admin",
                    "config\nget 35\nset 47 pbx.example.net\nset 35 1001\ncommit\nget 47\nexit\nreboot\n");
            assertThat(session.output()).contains("Grandstream HT813 Command Shell", "CONFIG> ", "35 = \r\n",
                    "Changes are commited.", "47 = pbx.example.net", "Rebooting...");
            assertThat(device.store().saved(47)).isEqualTo("pbx.example.net");
            scheduler.advance(Duration.ofSeconds(5));
            assertThat(device.power()).isEqualTo(PowerState.READY);
            assertThat(device.store().get(35)).isEqualTo("1001");

            OpenSsh.Result status = client.run("admin", "", "status");
            assertThat(status.output()).contains("Product Model: HT813", "Program -- 1.0.9.1");

            OpenSsh.Result refused = client.run("wrong", "status\n");
            assertThat(refused.exit()).isEqualTo(255);
            assertThat(refused.output()).contains("Permission denied");
        }
    }

    @Test
    @DisplayName("MGMT-03 Telnet asks for the password, refuses a wrong one, then gives the shell")
    void telnet() throws Exception {
        Device device = ShellDevices.booted(work.resolve("data"), DeviceModels.HT502, scheduler);
        try (TelnetService telnet = TelnetService.start(device, anyLoopbackPort());
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), telnet.port())) {
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            assertThat(read(in, "Password: ")).endsWith("Password: ");
            out.write("nope\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(read(in, "Password: ")).contains("Login incorrect");
            // A client's option negotiation (IAC DO ECHO) is passed over.
            out.write(new byte[] {(byte) 255, (byte) 253, 1});
            out.write("admin\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(read(in, "GS> ")).contains("Grandstream HT502 Command Shell");
            out.write("config\r\nset 3 Lobby\r\ncommit\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(read(in, "Changes are commited.")).contains("CONFIG> ");
            assertThat(device.store().saved(3)).isEqualTo("Lobby");
        }
    }

    /** What arrives until {@code end} has. */
    private static String read(BufferedReader in, String end) throws Exception {
        StringBuilder text = new StringBuilder();
        while (!text.toString().contains(end)) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            text.append((char) c);
        }
        return text.toString();
    }
}
