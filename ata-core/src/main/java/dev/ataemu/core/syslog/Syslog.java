package dev.ataemu.core.syslog;

import dev.ataemu.core.config.ParameterStore;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's syslog (LOG-*): each event at or above "Syslog Level" (P208) goes over UDP to "Syslog
 * Server" (P207, {@code host[:port]}, port 514 by default) in the GS_LOG format, or over TLS (port
 * 6514, RFC 5425) with the HT813's "Syslog Protocol" (P8402) SSL/TLS. Both settings are
 * read for every message, so a change takes effect at once. Names are resolved and datagrams sent
 * on a shared sender thread, never on the device's scheduler.
 *
 * <p>Written for the devices rather than through logback's syslog appender: each device has its own
 * server, level and MAC, set by its P-values while it runs, where an appender is set up per process.
 */
public final class Syslog {

    private static final Logger LOG = LoggerFactory.getLogger(Syslog.class);
    private static final int SERVER = 207;
    private static final int LEVEL = 208;
    /** The HT813's "Syslog Protocol": 0 UDP, 1 SSL/TLS. */
    private static final int PROTOCOL = 8402;
    private static final int DEFAULT_PORT = 514;
    private static final int DEFAULT_TLS_PORT = 6514;
    /** The code of every event the manuals show; the firmware's others are not documented. */
    public static final int CODE = 0;
    private static final ExecutorService SENDER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "syslog-sender");
        thread.setDaemon(true);
        return thread;
    });
    private static DatagramSocket socket;

    private final ParameterStore store;
    private final String mac;
    private final Clock clock;
    private final Supplier<Optional<InetAddress>> address;

    /**
     * @param mac     the device MAC in lower case with colons, as the GS_LOG part names it
     * @param address the device's WAN address, which names it in the header
     */
    public Syslog(ParameterStore store, String mac, Clock clock, Supplier<Optional<InetAddress>> address) {
        this.store = store;
        this.mac = mac;
        this.clock = clock;
        this.address = address;
    }

    public void debug(String message) {
        send(Severity.DEBUG, message);
    }

    public void info(String message) {
        send(Severity.INFO, message);
    }

    public void warning(String message) {
        send(Severity.WARNING, message);
    }

    public void error(String message) {
        send(Severity.ERROR, message);
    }

    /** Whether a message at {@code severity} would be sent now (so that costly ones are not even made). */
    public boolean sends(Severity severity) {
        return severity.passes(store.getIntOr(LEVEL, 0)) && !store.getOrEmpty(SERVER).isBlank();
    }

    public void send(Severity severity, String message) {
        if (!sends(severity)) {
            return;
        }
        String server = store.getOrEmpty(SERVER).strip();
        boolean tls = store.getIntOr(PROTOCOL, 0) == 1;
        String host = address.get().map(InetAddress::getHostAddress).orElse("ATA");
        String line = SyslogMessage.format(severity, ZonedDateTime.now(clock), host, mac, CODE, message);
        SENDER.execute(() -> deliver(server, tls, line));
    }

    private static void deliver(String server, boolean tls, String line) {
        java.util.Optional<dev.ataemu.core.net.HostPort> target =
                dev.ataemu.core.net.HostPort.parse(server, tls ? DEFAULT_TLS_PORT : DEFAULT_PORT);
        if (target.isEmpty()) {
            LOG.debug("syslog server {} has no port number after ':'", server);
            return;
        }
        String host = target.get().host();
        int port = target.get().port();
        try {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (tls) {
                TlsSyslog.send(host, port, bytes);
            } else {
                send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(host), port));
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("syslog to {} not sent: {}", server, e.getMessage());
        }
    }

    private static synchronized void send(DatagramPacket packet) throws IOException {
        if (socket == null) {
            socket = new DatagramSocket();
        }
        socket.send(packet);
    }
}
