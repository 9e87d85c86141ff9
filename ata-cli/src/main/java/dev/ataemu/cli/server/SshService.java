package dev.ataemu.cli.server;

import dev.ataemu.core.device.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HT813's SSH server (MGMT-*, INTERFACES 4) on Apache MINA SSHD: user {@code admin} with the
 * admin password (P2), the command shell for a session, and a command given on the ssh command line
 * ({@code ssh admin@ata reboot}) run as if typed. The host key is made once and kept in the device's
 * folder, so clients see the same key after a restart.
 */
public final class SshService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshService.class);
    private static final int ADMIN_PASSWORD = 2;

    private final SshServer server;

    private SshService(SshServer server) {
        this.server = server;
    }

    public static SshService start(Device device, InetSocketAddress address, Path hostKey) throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(address.getHostString());
        server.setPort(address.getPort());
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((user, password, session) ->
                "admin".equals(user) && device.store().get(ADMIN_PASSWORD).equals(password));
        server.setShellFactory(channel -> new ShellCommand(device, null));
        server.setCommandFactory((channel, command) -> new ShellCommand(device, command));
        server.start();
        LOG.info("{} {}: SSH on port {}", device.model().id(), device.mac(), server.getPort());
        return new SshService(server);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            LOG.debug("SSH server stop: {}", e.getMessage());
        }
    }

    /** The shell, or one command line run through it, on a thread of its own. */
    private static final class ShellCommand implements Command {
        private final Device device;
        private final String commandLine;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Thread thread;

        ShellCommand(Device device, String commandLine) {
            this.device = device;
            this.commandLine = commandLine;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment environment) {
            // A client with a terminal (ssh -t) waits for the far end to echo its typing.
            boolean terminal = !environment.getPtyModes().isEmpty();
            thread = new Thread(() -> {
                try {
                    InputStream source = commandLine == null ? in
                            : new java.io.ByteArrayInputStream((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
                    ShellSession.run(device, source, out, terminal && commandLine == null);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("SSH session ended: {}", e.getMessage());
                } finally {
                    exit.onExit(0);
                }
            }, "ssh-shell");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
