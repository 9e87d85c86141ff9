package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A call into the device's FXS port from SIPp's stock UAC, answered by lifting the simulated handset. */
class IncomingCallTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-06 a SIP call rings the phone, is answered by lifting the handset, and the caller's BYE ends it")
    void sippCallsTheDevice() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of())) {
            Device device = calling.device;
            SippRun caller = Sipp.stock(work.resolve("sipp"), "uac").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            assertThat(handset.ringing()).as("the phone rings").isTrue();
            assertThat(device.fxsLine(1).state()).isEqualTo(LineState.RINGING);

            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            CallingDevice.await(() -> device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(device.fxsLine(1).state()).as("the caller hung up").isEqualTo(LineState.OFF_HOOK_IDLE);
        }
    }

    @Test
    @DisplayName("DTMF-01 keys relayed by SIP INFO (dtmf-relay and dtmf) play in the earpiece; other bodies get 415, "
            + "an unreadable key 400")
    void keysBySipInfo() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of())) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-info.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            StringBuilder keys = new StringBuilder();
            new DtmfDetector(digit -> keys.append(digit.symbol())).process(handset.earpiece().last(5000));
            assertThat(keys.toString()).isEqualTo("59#");
            handset.onHook();
        }
    }

    @Test
    @DisplayName("STAR-14 CALL-28 *69 calls the last caller back through the account's server, on the wire")
    void callReturnOnTheWire() throws Exception {
        SippRun server = Sipp.answerer(work.resolve("answerer"), 1).traceMessages(true).timeout(Duration.ofSeconds(40)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + server.port(), "P31", "0"))) {
            SippRun caller = Sipp.stock(work.resolve("caller"), "uac").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).callDuration(Duration.ofMillis(500)).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            assertThat(caller.awaitResult(Duration.ofSeconds(20)).succeeded()).isTrue();
            handset.onHook();
            Thread.sleep(1500);

            calling.dial("*69");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = server.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(Files.readString(result.messages())).containsPattern("INVITE sip:sipp@127\\.0\\.0\\.1:" + server.port());
        }
    }

    @Test
    @DisplayName("CALL-14 with Send Hook Flash Event (P74) and no telephone-event agreed, a flash in the call goes to "
            + "the far end as SIP INFO Signal=16")
    void flashBySipInfo() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P74", "1"))) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-flash-info.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            Thread.sleep(500);
            handset.flash(500);
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-14 PLAT-64 re-INVITE hold and resume: the answer says recvonly then sendrecv, an offer-less "
            + "re-INVITE gets our SDP, a junk offer 488 and the call goes on")
    void holdAndResume() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of())) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-hold.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            // SIPp is done once the BYE is answered; the line hears of it on the device's scheduler.
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
            handset.onHook();
        }
    }

    @Test
    @DisplayName("PLAT-55 PLAT-57 session timer: the 200 takes the caller's 90 s with the device as refresher, the "
            + "caller's UPDATE refresh is answered, and the device refreshes by itself at half the interval")
    void sessionTimer() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of())) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-session-timer.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(90)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(90));

            assertThat(result.succeeded()).as(() -> result.describe() + readQuietly(result.messages())).isTrue();
            handset.onHook();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no message trace: " + e.getMessage() + ")";
        }
    }

    @Test
    @DisplayName("PLAT-55 an INVITE asking for a session interval below Min-SE (P261) gets 422 with Min-SE")
    void sessionIntervalTooSmall() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of());
             java.net.DatagramSocket caller = new java.net.DatagramSocket(0, CallingDevice.LOOPBACK)) {
            caller.setSoTimeout(2000);
            int from = caller.getLocalPort();
            String invite = "INVITE sip:1001@127.0.0.1:" + calling.sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-se1\r\n"
                    + "From: <sip:2002@127.0.0.1:" + from + ">;tag=se1\r\nTo: <sip:1001@127.0.0.1>\r\n"
                    + "Call-ID: se-small@127.0.0.1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
                    + "Contact: <sip:2002@127.0.0.1:" + from + ">\r\nSupported: timer\r\nSession-Expires: 30\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = invite.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            caller.send(new java.net.DatagramPacket(bytes, bytes.length, CallingDevice.LOOPBACK, calling.sipPort));
            byte[] buffer = new byte[4096];
            java.net.DatagramPacket answer = new java.net.DatagramPacket(buffer, buffer.length);
            caller.receive(answer);
            String text = new String(buffer, 0, answer.getLength(), java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(text).startsWith("SIP/2.0 422").containsPattern("(?i)Min-SE: 90");
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("PLAT-53 with 100rel on (P272) the 180 to a caller that supports it is reliable and taken back by PRACK")
    void reliableRinging() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P272", "1"))) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-100rel.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            Thread.sleep(1000);
            handset.offHook();
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(() -> result.describe() + readQuietly(result.messages())).isTrue();
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-17 being transferred: a REFER is accepted (202), the target is called with NOTIFYs of its "
            + "progress (100, 180 when its ringing comes before its answer, 200), and the phone ends up in the call "
            + "with the target")
    void beingTransferred() throws Exception {
        SippRun target = Sipp.answerer(work.resolve("target"), 1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of())) {
            SippRun transferor = Scenarios.sipp(work, "sipp-uac-transfer.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").key("target", "127.0.0.1:" + target.port()).calls(1).traceMessages(true)
                    .timeout(Duration.ofSeconds(30)).start();
            VirtualHandset handset = calling.handset();
            CallingDevice.await(handset::ringing);
            handset.offHook();
            SippResult transferred = transferor.awaitResult(Duration.ofSeconds(30));
            Thread.sleep(500);
            LineState afterTransfer = calling.device.fxsLine(1).state();
            handset.onHook();
            SippResult targetResult = target.awaitResult(Duration.ofSeconds(20));

            assertThat(transferred.succeeded()).as(() -> transferred.describe() + readQuietly(transferred.messages())).isTrue();
            assertThat(afterTransfer).as("still in a call, now with the target").isEqualTo(LineState.CONNECTED);
            assertThat(targetResult.succeeded()).as(targetResult::describe).isTrue();
        }
    }
}
