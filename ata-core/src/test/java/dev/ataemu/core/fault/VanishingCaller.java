package dev.ataemu.core.fault;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP caller on loopback that places one call to the device, talks PCMU over RTP once it is
 * answered, and can then vanish: its RTP stops and its SIP and RTP sockets close, as when the far
 * end loses power or its network. Plain UDP, written by hand, so that nothing of it lingers.
 */
final class VanishingCaller implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern TO_TAG = Pattern.compile("(?im)^(To|t):.*;tag=([^;\\s]+)");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final int sipPort;
    private final int rtpPort;
    private final int devicePort;
    private final String user;
    private final String callId;
    private final String tag;
    private final AtomicInteger rtpReceived = new AtomicInteger();
    private volatile boolean talking;
    private String toTag;
    private int deviceRtpPort;

    VanishingCaller(int devicePort, String user, String name) throws SocketException {
        this.devicePort = devicePort;
        this.user = user;
        this.sip = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        this.rtp = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        this.callId = name + "-" + System.nanoTime() + "@127.0.0.1";
        this.tag = name;
        this.sipPort = sip.getLocalPort();
        this.rtpPort = rtp.getLocalPort();
        sip.setSoTimeout(200);
        rtp.setSoTimeout(200);
    }

    /** The caller's SIP port, kept after it vanished: someone else may take it then. */
    int sipPort() {
        return sipPort;
    }

    int rtpPort() {
        return rtpPort;
    }

    /** The device's RTP port for this call, from its answer. */
    int deviceRtpPort() {
        return deviceRtpPort;
    }

    /** RTP packets the device sent to this caller. */
    int rtpReceived() {
        return rtpReceived.get();
    }

    void invite() throws IOException {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + rtpPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
        send("INVITE sip:" + user + "@127.0.0.1:" + devicePort + " SIP/2.0\r\n" + headers("INVITE", 1, "z9hG4bK-" + tag + "-1")
                + "Contact: <sip:2002@127.0.0.1:" + sipPort() + ">\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: " + sdp.length() + "\r\n\r\n" + sdp);
    }

    /** Waits for the device's 200 OK, acknowledges it and starts talking; false when none came in time. */
    boolean awaitAnswerAndTalk(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                sip.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
            if (text.startsWith("SIP/2.0 200") && text.contains("CSeq: 1 INVITE")) {
                Matcher tagMatch = TO_TAG.matcher(text);
                Matcher portMatch = AUDIO_PORT.matcher(text);
                if (!tagMatch.find() || !portMatch.find()) {
                    throw new IllegalStateException("an answer without a To tag or an audio port:\n" + text);
                }
                toTag = tagMatch.group(2);
                deviceRtpPort = Integer.parseInt(portMatch.group(1));
                send("ACK sip:" + user + "@127.0.0.1:" + devicePort + " SIP/2.0\r\n" + headers("ACK", 1, "z9hG4bK-" + tag + "-ack")
                        + "Content-Length: 0\r\n\r\n");
                talk();
                return true;
            }
        }
        return false;
    }

    /** Hangs up as a well-behaved caller does. */
    void bye() throws IOException {
        send("BYE sip:" + user + "@127.0.0.1:" + devicePort + " SIP/2.0\r\n" + headers("BYE", 2, "z9hG4bK-" + tag + "-bye")
                + "Content-Length: 0\r\n\r\n");
    }

    /** The far end is gone: no more RTP, and nothing listens on its ports any more. */
    void vanish() {
        talking = false;
        sip.close();
        rtp.close();
    }

    private void talk() {
        talking = true;
        Thread sender = new Thread(() -> {
            byte[] packet = new byte[12 + 160];
            Arrays.fill(packet, 12, packet.length, (byte) 0xFF);
            ByteBuffer header = ByteBuffer.wrap(packet);
            for (int sequence = 0; talking; sequence++) {
                header.put(0, (byte) 0x80).put(1, (byte) 0).putShort(2, (short) sequence).putInt(4, sequence * 160)
                        .putInt(8, 0x5EED);
                try {
                    rtp.send(new DatagramPacket(packet, packet.length, new InetSocketAddress(LOOPBACK, deviceRtpPort)));
                    Thread.sleep(20);
                } catch (IOException | InterruptedException stopped) {
                    return;
                }
            }
        }, "vanishing-caller-rtp-out");
        Thread receiver = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (talking) {
                try {
                    rtp.receive(new DatagramPacket(buffer, buffer.length));
                    rtpReceived.incrementAndGet();
                } catch (SocketTimeoutException quiet) {
                    // still talking?
                } catch (IOException closed) {
                    return;
                }
            }
        }, "vanishing-caller-rtp-in");
        sender.setDaemon(true);
        receiver.setDaemon(true);
        sender.start();
        receiver.start();
    }

    private String headers(String method, int cseq, String branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + sipPort() + ";branch=" + branch + "\r\n"
                + "From: \"Far End\" <sip:2002@127.0.0.1:" + sipPort() + ">;tag=" + tag + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1:" + devicePort + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " " + method + "\r\nMax-Forwards: 70\r\n";
    }

    private void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        sip.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(LOOPBACK, devicePort)));
    }

    @Override
    public void close() {
        vanish();
    }
}
