package dev.ataemu.main;

import dev.ataemu.cli.server.SshService;
import dev.ataemu.cli.server.TelnetService;
import dev.ataemu.core.device.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's command-line servers, where its settings say, followed at each boot: the HT813's
 * SSH unless "Disable SSH" (P276) on P27006; Telnet when the HT502's "Telnet Server" (P276) is Yes,
 * or the HT813's "Disable Telnet" (P28120) is No on P28128; {@code --ssh-port} and
 * {@code --telnet-port} override the ports. A port that cannot be had (22 and 23 need privileges)
 * is reported, and the device runs on without that server.
 */
final class ShellServing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellServing.class);
    private static final int SSH_OR_TELNET = 276;
    private static final int SSH_PORT = 27006;
    private static final int DISABLE_TELNET = 28120;
    private static final int TELNET_PORT = 28128;
    private static final int STANDARD_TELNET = 23;

    private final Device device;
    private final RunOptions options;
    private final Path hostKey;
    private final PrintWriter err;
    private SshService ssh;
    private TelnetService telnet;
    private Optional<Integer> sshWanted = Optional.empty();
    private Optional<Integer> telnetWanted = Optional.empty();

    ShellServing(Device device, RunOptions options, Path hostKey, PrintWriter err) {
        this.device = device;
        this.options = options;
        this.hostKey = hostKey;
        this.err = err;
    }

    /** After a boot: starts, stops or moves the servers as the settings now say. */
    synchronized void follow() {
        Optional<Integer> sshNow = sshPort();
        if (!sshNow.equals(sshWanted)) {
            closeSsh();
            sshWanted = sshNow;
            sshNow.ifPresent(port -> {
                try {
                    ssh = SshService.start(device, new InetSocketAddress(options.bind(), port), hostKey);
                } catch (IOException | RuntimeException e) {
                    unavailable("SSH", port, e);
                }
            });
        }
        Optional<Integer> telnetNow = telnetPort();
        if (!telnetNow.equals(telnetWanted)) {
            closeTelnet();
            telnetWanted = telnetNow;
            telnetNow.ifPresent(port -> {
                try {
                    telnet = TelnetService.start(device, new InetSocketAddress(options.bind(), port));
                } catch (IOException e) {
                    unavailable("Telnet", port, e);
                }
            });
        }
    }

    /** For the start line: "  ssh 22  telnet 23" for the servers running. */
    synchronized String describe() {
        return (ssh != null ? "  ssh " + ssh.port() : "") + (telnet != null ? "  telnet " + telnet.port() : "");
    }

    private Optional<Integer> sshPort() {
        var store = device.store();
        if (store.catalog().find(SSH_PORT).isEmpty() || store.getIntOr(SSH_OR_TELNET, 0) != 0) {
            return Optional.empty();
        }
        return Optional.of(options.sshPort().orElseGet(() -> store.getInt(SSH_PORT)));
    }

    private Optional<Integer> telnetPort() {
        var store = device.store();
        boolean on = store.catalog().find(DISABLE_TELNET).isPresent()
                ? store.getInt(DISABLE_TELNET) == 0
                : store.getIntOr(SSH_OR_TELNET, 0) == 0;
        if (!on) {
            return Optional.empty();
        }
        return Optional.of(options.telnetPort().orElseGet(() -> store.getIntOr(TELNET_PORT, STANDARD_TELNET)));
    }

    private void unavailable(String what, int port, Exception e) {
        LOG.warn("{}: no {} server on port {}: {}", device.mac(), what, port, e.getMessage());
        err.println("ata-emulator: no " + what + " server on port " + port + " (" + e.getMessage() + "); --"
                + what.toLowerCase() + "-port picks another");
        err.flush();
    }

    private void closeSsh() {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }

    private void closeTelnet() {
        if (telnet != null) {
            telnet.close();
            telnet = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSsh();
        closeTelnet();
    }
}
