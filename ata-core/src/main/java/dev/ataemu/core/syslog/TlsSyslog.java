package dev.ataemu.core.syslog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * Syslog over TLS (RFC 5425): one connection per server, kept open and opened again after a
 * failure; each message framed by its length. Used only from the syslog's sender thread. Like the
 * device's other TLS clients, it takes the server's certificate without checking it.
 */
final class TlsSyslog {

    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final Map<String, SSLSocket> OPEN = new HashMap<>();

    private TlsSyslog() {
    }

    static void send(String host, int port, byte[] message) throws IOException {
        String key = host + ":" + port;
        byte[] frame = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 0; attempt < 2; attempt++) {
            SSLSocket socket = OPEN.get(key);
            try {
                if (socket == null || socket.isClosed()) {
                    socket = connect(host, port);
                    OPEN.put(key, socket);
                }
                OutputStream out = socket.getOutputStream();
                out.write(frame);
                out.write(message);
                out.flush();
                return;
            } catch (IOException e) {
                OPEN.remove(key);
                if (socket != null) {
                    socket.close();
                }
                if (attempt == 1) {
                    throw e;
                }
            }
        }
    }

    private static SSLSocket connect(String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) dev.ataemu.core.net.UncheckedTls.context().getSocketFactory().createSocket();
        try {
            // A server that never answers the handshake or stops reading must not hold up every device's syslog.
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
