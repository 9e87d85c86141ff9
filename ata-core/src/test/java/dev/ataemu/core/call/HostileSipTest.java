package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unparseable and hostile SIP at the account's port: each is answered with 400 (or the answer its
 * one flaw calls for) or dropped, and afterwards the account still takes a call.
 */
class HostileSipTest {

    private static final Set<Integer> PARSE_ERRORS = Set.of(400);

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-01 hostile SIP messages are answered with 400 or dropped, and the account goes on taking calls")
    void hostileMessages() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket attacker = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            attacker.setSoTimeout(400);
            InetSocketAddress device = new InetSocketAddress(CallingDevice.LOOPBACK, calling.sipPort);
            int from = attacker.getLocalPort();
            Map<String, Hostile> messages = messages(from, calling.sipPort);
            for (Hostile hostile : messages.values()) {
                attacker.send(new DatagramPacket(hostile.bytes(), hostile.bytes().length, device));
                Thread.sleep(100);
            }
            Map<String, List<Integer>> answers = answers(attacker);
            List<String> report = new ArrayList<>();
            // The first two messages carry no Call-ID; the n-th after them carries hostile-n.
            int index = 0;
            for (Map.Entry<String, Hostile> entry : messages.entrySet()) {
                List<Integer> statuses = answers.getOrDefault("hostile-" + (index++ - 1) + "@127.0.0.1", List.of());
                report.add(entry.getKey() + " -> " + (statuses.isEmpty() ? "dropped" : statuses));
                assertThat(statuses).as(entry.getKey())
                        .allMatch(status -> status == 100 || entry.getValue().allowed().contains(status));
            }
            List<Integer> unattributed = answers.getOrDefault("", List.of());
            System.out.println("hostile SIP: " + String.join("; ", report) + "; without a Call-ID: " + unattributed);
            assertThat(unattributed).as("answers to messages without a readable Call-ID").allMatch(PARSE_ERRORS::contains);
            assertThat(calling.device.power()).isEqualTo(PowerState.READY);

            SippRun caller = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofSeconds(1)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(calling.device.fxsLine(1).state()).isIn(LineState.OFF_HOOK_IDLE, LineState.CONNECTED);
            handset.onHook();
        }
    }

    private record Hostile(byte[] bytes, Set<Integer> allowed) {
        static Hostile text(String message, Set<Integer> allowed) {
            return new Hostile(message.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1), allowed);
        }
    }

    private static Map<String, Hostile> messages(int from, int to) {
        String via = "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-h";
        String common = "From: <sip:evil@127.0.0.1:" + from + ">;tag=e1\nTo: <sip:1001@127.0.0.1:" + to + ">\n"
                + "Call-ID: hostile-%d@127.0.0.1\nMax-Forwards: 70\nContact: <sip:evil@127.0.0.1:" + from + ">\n";
        Map<String, Hostile> m = new LinkedHashMap<>();
        byte[] noise = new byte[600];
        new Random(7).nextBytes(noise);
        m.put("random bytes", new Hostile(noise, PARSE_ERRORS));
        m.put("request line only", Hostile.text("INVITE sip:1001@127.0.0.1 SIP/2.0\n\n", PARSE_ERRORS));
        m.put("bad CSeq", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n" + via + "1\n" + common.formatted(1)
                + "CSeq: abc OPTIONS\nContent-Length: 0\n\n", PARSE_ERRORS));
        m.put("CSeq method differs", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n" + via + "2\n" + common.formatted(2)
                + "CSeq: 1 INVITE\nContent-Length: 0\n\n", PARSE_ERRORS));
        m.put("Content-Length past the end", Hostile.text("INVITE sip:1001@127.0.0.1 SIP/2.0\n" + via + "3\n"
                + common.formatted(3) + "CSeq: 1 INVITE\nContent-Type: application/sdp\nContent-Length: 5000\n\nv=0\n",
                PARSE_ERRORS));
        m.put("negative Content-Length", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n" + via + "4\n"
                + common.formatted(4) + "CSeq: 1 OPTIONS\nContent-Length: -20\n\n", PARSE_ERRORS));
        m.put("Via port out of range", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:99999;branch=z9hG4bK-h5\n" + common.formatted(5)
                + "CSeq: 1 OPTIONS\nContent-Length: 0\n\n", PARSE_ERRORS));
        m.put("NUL inside a header", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n" + via + "6\n"
                + common.formatted(6) + "CSeq: 1 OPTIONS\nSubject: a\u0000b\nContent-Length: 0\n\n", PARSE_ERRORS));
        m.put("40 kB header", Hostile.text("OPTIONS sip:1001@127.0.0.1 SIP/2.0\n" + via + "7\n" + common.formatted(7)
                + "CSeq: 1 OPTIONS\nSubject: " + "x".repeat(40_000) + "\nContent-Length: 0\n\n", Set.of(400, 200, 513)));
        m.put("unreadable SDP", Hostile.text("INVITE sip:1001@127.0.0.1 SIP/2.0\n" + via + "8\n" + common.formatted(8)
                + "CSeq: 1 INVITE\nContent-Type: application/sdp\nContent-Length: 12\n\nv=9\nm=junk\n", Set.of(488, 400)));
        m.put("stray response", Hostile.text("SIP/2.0 200 OK\n" + via + "9\n" + common.formatted(9)
                + "CSeq: 1 INVITE\nContent-Length: 0\n\n", Set.of()));
        m.put("unknown method", Hostile.text("FROB sip:1001@127.0.0.1 SIP/2.0\n" + via + "10\n" + common.formatted(10)
                + "CSeq: 1 FROB\nContent-Length: 0\n\n", Set.of(405, 501)));
        m.put("BYE outside a call", Hostile.text("BYE sip:1001@127.0.0.1 SIP/2.0\n" + via + "11\n" + common.formatted(11)
                + "CSeq: 1 BYE\nContent-Length: 0\n\n", Set.of(481)));
        m.put("INFO outside a call", Hostile.text("INFO sip:1001@127.0.0.1 SIP/2.0\n" + via + "12\n" + common.formatted(12)
                + "CSeq: 1 INFO\nContent-Type: application/dtmf-relay\nContent-Length: 10\n\nSignal=5\r\n", Set.of(481)));
        return m;
    }

    /** The status codes answered, by the Call-ID they carry ("" when none). */
    private static Map<String, List<Integer>> answers(DatagramSocket socket) throws Exception {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        byte[] buffer = new byte[65_535];
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            if (text.startsWith("SIP/2.0 ")) {
                java.util.regex.Matcher callId = java.util.regex.Pattern.compile("(?im)^(?:Call-ID|i):\\s*(\\S+)").matcher(text);
                statuses.computeIfAbsent(callId.find() ? callId.group(1) : "", k -> new ArrayList<>())
                        .add(Integer.parseInt(text.substring(8, 11)));
            }
        }
        return statuses;
    }
}
