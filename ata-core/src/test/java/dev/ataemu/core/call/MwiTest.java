package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voicemail indication: the account's message-summary subscription (P99) and unsolicited NOTIFYs light the phone. */
class MwiTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("SIP-30 CALL-30 CALL-31 SUBSCRIBE for MWI (P99): the server's NOTIFYs turn the lamp on, then off")
    void subscription() throws Exception {
        SippRun server = Scenarios.sipp(work, "sipp-mwi-server.xml").calls(2).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + server.port(), "P99", "1"))) {
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::messageWaitingLamp);
            boolean lampOn = handset.messageWaitingLamp();
            boolean lineSaysWaiting = calling.device.fxsLine(1).messageWaiting();
            CallingDevice.await(() -> !calling.device.fxsLine(1).messageWaiting());
            SippResult result = server.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(lampOn).as("the lamp after Messages-Waiting: yes").isTrue();
            assertThat(lineSaysWaiting).isTrue();
            assertThat(calling.device.fxsLine(1).messageWaiting()).as("after Messages-Waiting: no").isFalse();
        }
    }

    @Test
    @DisplayName("CALL-31 an unsolicited message-summary NOTIFY lights the lamp; a bad summary gets 400, another event 489")
    void unsolicitedNotify() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket server = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            server.setSoTimeout(2000);
            InetSocketAddress device = new InetSocketAddress(CallingDevice.LOOPBACK, calling.sipPort);
            int bad = status(server, device, notify(server.getLocalPort(), calling.sipPort, 1, "message-summary", "Voice-Message: 1/0\r\n"));
            int otherEvent = status(server, device, notify(server.getLocalPort(), calling.sipPort, 2, "dialog", "x\r\n"));
            int ok = status(server, device, notify(server.getLocalPort(), calling.sipPort, 3, "message-summary",
                    "Messages-Waiting: yes\r\nVoice-Message: 1/0\r\n"));
            CallingDevice.await(() -> calling.device.fxsLine(1).messageWaiting());

            assertThat(bad).isEqualTo(400);
            assertThat(otherEvent).isEqualTo(489);
            assertThat(ok).isEqualTo(200);
            assertThat(calling.device.fxsLine(1).messageWaiting()).isTrue();
        }
    }

    private static String notify(int from, int to, int n, String event, String body) {
        return "NOTIFY sip:1001@127.0.0.1:" + to + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-mwi" + n + "\r\n"
                + "From: <sip:vm@127.0.0.1:" + from + ">;tag=vm" + n + "\r\n"
                + "To: <sip:1001@127.0.0.1:" + to + ">\r\n"
                + "Call-ID: mwi-" + n + "@127.0.0.1\r\nCSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\n"
                + "Contact: <sip:vm@127.0.0.1:" + from + ">\r\n"
                + "Event: " + event + "\r\nSubscription-State: active\r\n"
                + "Content-Type: application/simple-message-summary\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static int status(DatagramSocket socket, InetSocketAddress to, String request) throws Exception {
        byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        String text = new String(buffer, 0, packet.getLength(), StandardCharsets.US_ASCII);
        return Integer.parseInt(text.substring(8, 11));
    }
}
