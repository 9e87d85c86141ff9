package dev.ataemu.core.call;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server that is there but out of service: it answers every request on its UDP port with
 * 503, as an overloaded registrar or proxy does, and counts what it refused.
 */
final class RefusingServer implements AutoCloseable {

    private static final Pattern ECHOED = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq):.*$");

    private final DatagramSocket socket;
    private final AtomicInteger refused = new AtomicInteger();
    private final StringBuffer seen = new StringBuffer();
    private final Thread thread;

    RefusingServer() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "refusing-sip-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int refused() {
        return refused.get();
    }

    /** Every request it received, as text. */
    String seen() {
        return seen.toString();
    }

    private void serve() {
        byte[] buffer = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (request.isBlank() || request.startsWith("SIP/2.0") || request.startsWith("ACK")) {
                    continue;
                }
                seen.append(request).append('\n');
                StringBuilder response = new StringBuilder("SIP/2.0 503 Service Unavailable\r\n");
                Matcher headers = ECHOED.matcher(request);
                while (headers.find()) {
                    response.append(headers.group().strip()).append("\r\n");
                }
                response.append("Content-Length: 0\r\n\r\n");
                byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(bytes, bytes.length, packet.getSocketAddress()));
                refused.incrementAndGet();
            } catch (java.io.IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
