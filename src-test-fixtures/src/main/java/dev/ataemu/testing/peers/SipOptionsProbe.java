package dev.ataemu.testing.peers;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Sends one SIP OPTIONS over UDP and reads the status code of the answer. A peer is ready when
 * its SIP layer answers, which a bound port alone does not prove.
 */
final class SipOptionsProbe {

    private SipOptionsProbe() {
    }

    /** The status code of the answer to an OPTIONS sent to {@code port}, or 0 when none came in time. */
    static int ping(int port, int timeoutMillis) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
            socket.setSoTimeout(timeoutMillis);
            String id = UUID.randomUUID().toString();
            String host = loopback.getHostAddress();
            String request = "OPTIONS sip:" + host + ":" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + host + ":" + socket.getLocalPort() + ";rport;branch=z9hG4bK" + id + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:probe@" + host + ">;tag=" + id.substring(0, 8) + "\r\n"
                    + "To: <sip:" + host + ":" + port + ">\r\n"
                    + "Call-ID: " + id + "\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, loopback, port));
            byte[] buffer = new byte[4096];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
            } catch (SocketTimeoutException silent) {
                return 0;
            }
            String text = new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
            if (!text.startsWith("SIP/2.0 ") || text.length() < 11) {
                return 0;
            }
            return Integer.parseInt(text.substring(8, 11));
        }
    }
}
