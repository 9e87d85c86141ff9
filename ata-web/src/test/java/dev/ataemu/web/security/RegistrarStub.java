package dev.ataemu.web.security;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SIP registrar on a loopback UDP port of its own: it challenges a REGISTER without credentials
 * with a digest (401) and grants one that has them (200), without checking them: the tests that
 * use it read what the device sends, not whether it may register.
 */
final class RegistrarStub implements AutoCloseable {

    private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final List<String> received = new CopyOnWriteArrayList<>();

    RegistrarStub() throws IOException {
        Thread thread = new Thread(this::serve, "registrar-stub");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every request received, whole. */
    List<String> received() {
        return received;
    }

    private void serve() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                received.add(request);
                if (!request.startsWith("REGISTER ")) {
                    continue;
                }
                byte[] answer = answer(request).getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static String answer(String request) {
        boolean credentials = header(request, "Authorization") != null;
        StringBuilder answer = new StringBuilder(credentials ? "SIP/2.0 200 OK\r\n" : "SIP/2.0 401 Unauthorized\r\n");
        for (String line : request.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).strip() : "";
            if (List.of("Via", "v", "From", "f", "Call-ID", "i", "CSeq").contains(name)) {
                answer.append(line).append("\r\n");
            } else if (name.equals("To") || name.equals("t")) {
                answer.append(line).append(line.contains(";tag=") ? "" : ";tag=stub").append("\r\n");
            }
        }
        if (credentials) {
            String contact = header(request, "Contact");
            answer.append("Contact: ").append(contact == null ? "<sip:stub@127.0.0.1>" : contact).append(";expires=3600\r\n")
                    .append("Expires: 3600\r\n");
        } else {
            answer.append("WWW-Authenticate: Digest realm=\"stub\", nonce=\"0123456789abcdef\", algorithm=MD5\r\n");
        }
        return answer.append("Content-Length: 0\r\n\r\n").toString();
    }

    private static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
