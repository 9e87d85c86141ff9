package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.callerid.Absence;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
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

/** Who calls and who may: P-Asserted-Identity, withheld identities, anonymous-call rejection, the ring timeout. */
class CallerPrivacyTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-13 the caller ID shown is P-Asserted-Identity's over From's")
    void assertedIdentity() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket caller = socket()) {
            send(caller, calling.sipPort, invite(caller.getLocalPort(), calling.sipPort, 1,
                    "P-Asserted-Identity: \"Front Desk\" <sip:6175550123@pbx.example>\r\n"));
            VirtualHandset handset = calling.handset();
            CallingDevice.await(() -> handset.callerId().isPresent());
            CallerId shown = handset.callerId().orElseThrow().callerId();
            assertThat(shown.number()).hasValue("6175550123");
            assertThat(shown.name()).hasValue("Front Desk");
        }
    }

    @Test
    @DisplayName("SEC-14 CALL-13 a caller who withheld their identity (Privacy: id) shows as private")
    void withheldIdentity() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket caller = socket()) {
            send(caller, calling.sipPort, invite(caller.getLocalPort(), calling.sipPort, 2, "Privacy: id\r\n"));
            VirtualHandset handset = calling.handset();
            CallingDevice.await(() -> handset.callerId().isPresent());
            CallerId shown = handset.callerId().orElseThrow().callerId();
            assertThat(shown.number()).isEmpty();
            assertThat(shown.numberAbsence()).hasValue(Absence.PRIVATE);
        }
    }

    @Test
    @DisplayName("CALL-36 SIP-32 with Anonymous Call Rejection (P129) an anonymous caller gets 486 and the phone stays quiet")
    void anonymousRejection() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P129", "1"));
             DatagramSocket caller = socket()) {
            send(caller, calling.sipPort, invite(caller.getLocalPort(), calling.sipPort, 3, "Privacy: id\r\n"));
            List<Integer> statuses = statuses(caller, Duration.ofSeconds(2));
            assertThat(statuses).contains(486).doesNotContain(180);
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("SIP-42 an unanswered call stops ringing after the Ring Timeout (P185) and the caller gets 480")
    void ringTimeout() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of("P185", "2"));
             DatagramSocket caller = socket()) {
            send(caller, calling.sipPort, invite(caller.getLocalPort(), calling.sipPort, 4, ""));
            List<Integer> statuses = statuses(caller, Duration.ofSeconds(4));
            assertThat(statuses).contains(180, 480);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.IDLE);
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("CALL-35 SIP-31 PLAT-42 Send Anonymous (P65): From, Privacy and P-Asserted-Identity say anonymous")
    void sendAnonymous() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0", "P65", "1"))) {
            VirtualHandset handset = calling.handset();
            handset.offHook();
            Thread.sleep(300);
            handset.press("1234#", 80, 80);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            String invite = Files.readString(result.messages());
            assertThat(invite).containsPattern("From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=")
                    .contains("Privacy: id").contains("P-Asserted-Identity: \"Anonymous\" <sip:anonymous@anonymous.invalid>")
                    .doesNotContain("sip:1001@127.0.0.1:" + callee.port() + ">;tag");
        }
    }

    private static DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(0, CallingDevice.LOOPBACK);
        socket.setSoTimeout(200);
        return socket;
    }

    private static String invite(int from, int to, int n, String extra) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + (from + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        return "INVITE sip:1001@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-priv" + n + "\r\n"
                + "From: \"Pat\" <sip:2002@127.0.0.1:" + from + ">;tag=p" + n + "\r\n"
                + "To: <sip:1001@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: privacy-" + n + "@127.0.0.1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:2002@127.0.0.1:" + from + ">\r\n" + extra
                + "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp;
    }

    private static void send(DatagramSocket socket, int port, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(CallingDevice.LOOPBACK, port)));
    }

    private static List<Integer> statuses(DatagramSocket socket, Duration during) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + during.toNanos();
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
