package dev.ataemu.cli.server;

import dev.ataemu.core.device.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Telnet CLI (the HT502's "Telnet Server" P276, the HT813's P28120 / P28128): {@code Password: }
 * (the admin password, three tries), then the command shell. Each connection has a thread.
 */
public final class TelnetService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelnetService.class);
    private static final int ADMIN_PASSWORD = 2;
    private static final int TRIES = 3;

    private final ServerSocket socket;
    private final Device device;

    private TelnetService(ServerSocket socket, Device device) {
        this.socket = socket;
        this.device = device;
    }

    public static TelnetService start(Device device, InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(address);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        TelnetService service = new TelnetService(socket, device);
        Thread acceptor = new Thread(service::accept, "telnet-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.info("{} {}: Telnet on port {}", device.model().id(), device.mac(), socket.getLocalPort());
        return service;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread session = new Thread(() -> serve(client), "telnet-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.debug("telnet accept: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) java.time.Duration.ofMinutes(10).toMillis());
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            LineInput lines = new LineInput(in, null);
            for (int attempt = 0; attempt < TRIES; attempt++) {
                ShellSession.write(out, "Password: ");
                String password = lines.readLine();
                if (password == null) {
                    return;
                }
                if (password.equals(device.store().get(ADMIN_PASSWORD))) {
                    ShellSession.write(out, "\r\n");
                    ShellSession.run(device, lines, out);
                    return;
                }
                ShellSession.write(out, "Login incorrect\r\n");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("telnet session ended: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("telnet close: {}", e.getMessage());
        }
    }
}
