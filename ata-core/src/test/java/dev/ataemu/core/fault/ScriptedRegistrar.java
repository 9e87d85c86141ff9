package dev.ataemu.core.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registrar on a loopback UDP port that answers each new REGISTER as the test says: a final status
 * with extra headers (Retry-After, ...), or nothing at all. It counts the attempts (new transactions,
 * by their Via branch) apart from the datagrams, so that retransmissions and retries can be told apart.
 */
final class ScriptedRegistrar implements AutoCloseable {

    /** A final response; {@link #SILENCE} answers nothing. */
    record Reply(int status, String reason, String headers) {
        static final Reply SILENCE = new Reply(0, "", "");

        static Reply of(int status, String reason) {
            return new Reply(status, reason, "");
        }
    }

    private static final Pattern ECHOED = Pattern.compile("(?im)^(Via|From|To|Call-ID|CSeq|Contact):.*$");
    private static final Pattern BRANCH = Pattern.compile("(?i)branch=([^;\\s,]+)");

    private final DatagramSocket socket;
    private final Set<String> branches = ConcurrentHashMap.newKeySet();
    private final AtomicInteger datagrams = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile Reply reply = Reply.SILENCE;

    ScriptedRegistrar() throws SocketException {
        this(0);
    }

    /** On {@code port}: a registrar that comes back where it was. */
    ScriptedRegistrar(int port) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread thread = new Thread(this::serve, "scripted-registrar");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How every REGISTER from now on is answered. */
    void answer(Reply reply) {
        this.reply = reply;
    }

    /** The REGISTER transactions started so far (retransmissions not counted). */
    int attempts() {
        return branches.size();
    }

    /** The responses sent. */
    int answered() {
        return answered.get();
    }

    /** Every REGISTER datagram received, retransmissions included. */
    int datagrams() {
        return datagrams.get();
    }

    private void serve() {
        byte[] buffer = new byte[8192];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String request = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!request.startsWith("REGISTER ")) {
                    continue;
                }
                datagrams.incrementAndGet();
                Matcher branch = BRANCH.matcher(request);
                branches.add(branch.find() ? branch.group(1) : "datagram " + datagrams.get());
                Optional<byte[]> answer = respond(request, reply);
                if (answer.isPresent()) {
                    socket.send(new DatagramPacket(answer.get(), answer.get().length, packet.getSocketAddress()));
                    answered.incrementAndGet();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static Optional<byte[]> respond(String request, Reply reply) {
        if (reply.status() == 0) {
            return Optional.empty();
        }
        StringBuilder response = new StringBuilder("SIP/2.0 " + reply.status() + " " + reply.reason() + "\r\n");
        Matcher headers = ECHOED.matcher(request);
        while (headers.find()) {
            String header = headers.group().strip();
            if (header.regionMatches(true, 0, "To:", 0, 3) && !header.contains("tag=")) {
                header += ";tag=registrar";
            }
            if (header.regionMatches(true, 0, "Contact:", 0, 8) && reply.status() / 100 != 2) {
                continue;
            }
            response.append(header).append("\r\n");
        }
        if (reply.status() / 100 == 2) {
            response.append("Expires: 60\r\n");
        }
        response.append(reply.headers()).append("Content-Length: 0\r\n\r\n");
        return Optional.of(response.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        socket.close();
    }
}
