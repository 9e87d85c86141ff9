package dev.ataemu.core.call;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** SIP written by hand on a plain UDP socket, for requests no peer would send as they stand. */
final class RawSip {

    private RawSip() {
    }

    /** A socket on {@code address} (any loopback address) that waits 200 ms per read. */
    static DatagramSocket socket(String address) throws Exception {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(address));
        socket.setSoTimeout(200);
        return socket;
    }

    /** An INVITE from the socket's address to {@code user} at the device's port, with a PCMU offer. */
    static String invite(DatagramSocket from, int to, String user, String tag, String extraHeaders) {
        String host = from.getLocalAddress().getHostAddress();
        int port = from.getLocalPort();
        String sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio " + (port + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return "INVITE sip:" + user + "@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=z9hG4bK-" + tag + "\r\n"
                + "From: \"Pat\" <sip:2002@" + host + ":" + port + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: " + tag + "@" + host + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:2002@" + host + ":" + port + ">\r\n" + extraHeaders
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    static void send(DatagramSocket socket, int port, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    /** The status codes of every response that arrives {@code during} the time given. */
    static List<Integer> statuses(DatagramSocket socket, Duration during) throws Exception {
        return responses(socket, during).stream().map(text -> Integer.parseInt(text.substring(8, 11))).toList();
    }

    /** Every response that arrives {@code during} the time given, as text. */
    static List<String> responses(DatagramSocket socket, Duration during) throws Exception {
        List<String> responses = new ArrayList<>();
        receive(socket, during, packet -> {
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (text.startsWith("SIP/2.0 ")) {
                responses.add(text);
            }
            return false;
        });
        return responses;
    }

    /**
     * Hands each datagram that arrives within {@code limit} to {@code enough} until it says so.
     *
     * @return whether {@code enough} said so before the time was up
     */
    static boolean receive(DatagramSocket socket, Duration limit, Predicate<DatagramPacket> enough) throws Exception {
        socket.setSoTimeout(200);
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            if (enough.test(packet)) {
                return true;
            }
        }
        return false;
    }
}
