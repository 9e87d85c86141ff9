package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account's checks of incoming requests: its user ID, its servers only, and digest challenges. */
class IncomingChecksTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("PLAT-79 Check SIP User ID (P258): an INVITE for another user gets 404, one for the account rings")
    void checkUserId() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P258", "1"));
             DatagramSocket caller = socket("127.0.0.1")) {
            assertThat(statuses(caller, invite(caller, calling.sipPort, "9999", 1, ""))).contains(404).doesNotContain(180);
            assertThat(statuses(caller, invite(caller, calling.sipPort, "1001", 2, ""))).contains(180);
        }
    }

    @Test
    @DisplayName("PLAT-79 SIP from the proxy only (P243): a request from elsewhere gets 403, one from the server rings")
    void fromProxyOnly() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P243", "1", "P47", "127.0.0.2:5999", "P31", "0"));
             DatagramSocket stranger = socket("127.0.0.1");
             DatagramSocket server = socket("127.0.0.2")) {
            assertThat(statuses(stranger, invite(stranger, calling.sipPort, "1001", 3, ""))).contains(403).doesNotContain(180);
            assertThat(statuses(server, invite(server, calling.sipPort, "1001", 4, ""))).contains(180);
        }
    }

    @Test
    @DisplayName("PLAT-80 Authenticate incoming INVITE (P2346): a caller without credentials gets 401, wrong ones 403, "
            + "and SIPp answering the challenge with the account's password gets through")
    void challengedInvites() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P2346", "1", "P34", "secret-7", "P36", "ata1001"));
             DatagramSocket caller = socket("127.0.0.1")) {
            assertThat(statuses(caller, invite(caller, calling.sipPort, "1001", 5, ""))).contains(401).doesNotContain(180);
            String forged = "Authorization: Digest username=\"ata1001\", realm=\"grandstream-ata\", nonce=\"00ff\", "
                    + "uri=\"sip:1001@127.0.0.1\", response=\"0123456789abcdef0123456789abcdef\", algorithm=MD5\r\n";
            assertThat(statuses(caller, invite(caller, calling.sipPort, "1001", 6, forged))).contains(403).doesNotContain(180);

            Path file = Files.createDirectories(work.resolve("sipp")).resolve("sipp-uac-401.xml");
            try (InputStream scenario = getClass().getResourceAsStream("sipp-uac-401.xml")) {
                Files.copy(scenario, file);
            }
            SippRun sipp = Sipp.scenario(work.resolve("sipp"), file).remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").auth("ata1001", "secret-7").key("caller", "2002")
                    .callDuration(Duration.ofMillis(500)).timeout(Duration.ofSeconds(30)).start();
            CallingDevice.await(calling.handset()::ringing);
            calling.handset().offHook();
            SippResult result = sipp.awaitResult(Duration.ofSeconds(30));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            calling.handset().onHook();
        }
    }

    private static DatagramSocket socket(String address) throws Exception {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(address));
        socket.setSoTimeout(200);
        return socket;
    }

    private static String invite(DatagramSocket from, int to, String user, int n, String extra) {
        String host = from.getLocalAddress().getHostAddress();
        int port = from.getLocalPort();
        String sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio " + (port + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return "INVITE sip:" + user + "@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=z9hG4bK-chk" + n + "\r\n"
                + "From: <sip:2002@" + host + ":" + port + ">;tag=c" + n + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: checks-" + n + "@" + host + "\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:2002@" + host + ":" + port + ">\r\n" + extra
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static List<Integer> statuses(DatagramSocket socket, String request) throws Exception {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        int port = Integer.parseInt(request.substring(request.indexOf("127.0.0.1:") + 10, request.indexOf(" SIP/2.0")));
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        List<Integer> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String text = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
            if (text.startsWith("SIP/2.0 ")) {
                statuses.add(Integer.parseInt(text.substring(8, 11)));
            }
        }
        return statuses;
    }
}
