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
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", "privacy-1",
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
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", "privacy-2",
                    "Privacy: id\r\n"));
            VirtualHandset handset = calling.handset();
            CallingDevice.await(() -> handset.callerId().isPresent());
            CallerId shown = handset.callerId().orElseThrow().callerId();
            assertThat(shown.number()).isEmpty();
            assertThat(shown.numberAbsence()).hasValue(Absence.PRIVATE);
        }
    }

    @Test
    @DisplayName("CALL-13 a caller on the HT813's Blacklist For Incoming Calls (P28127) gets 486 and the phone stays quiet")
    void blacklist() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                Map.of("P28127", "5550000,2002"));
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", "blacklisted-1", ""));
            List<Integer> statuses = RawSip.statuses(caller, Duration.ofSeconds(2));
            assertThat(statuses).contains(486).doesNotContain(180);
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("CALL-36 SIP-32 with Anonymous Call Rejection (P129) an anonymous caller gets 486 and the phone stays quiet")
    void anonymousRejection() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P129", "1"));
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", "privacy-3",
                    "Privacy: id\r\n"));
            List<Integer> statuses = RawSip.statuses(caller, Duration.ofSeconds(2));
            assertThat(statuses).contains(486).doesNotContain(180);
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("SIP-42 an unanswered call stops ringing after the Ring Timeout (P185) and the caller gets 480")
    void ringTimeout() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of("P185", "2"));
             DatagramSocket caller = RawSip.socket("127.0.0.1")) {
            RawSip.send(caller, calling.sipPort, RawSip.invite(caller, calling.sipPort, "1001", "privacy-4",
                    ""));
            List<Integer> statuses = RawSip.statuses(caller, Duration.ofSeconds(4));
            assertThat(statuses).contains(180, 480);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.IDLE);
            assertThat(calling.handset().ringing()).isFalse();
        }
    }

    @Test
    @DisplayName("CALL-35 SIP-31 PLAT-42 Send Anonymous (P65): From, Privacy and P-Asserted-Identity say anonymous")
    void sendAnonymous() throws Exception {
        callsAnonymously(Map.of("P65", "1"), "1234#");
    }

    @Test
    @DisplayName("STAR-12 CALL-35 *67 before the number withholds the caller's identity on that call, on the wire")
    void starSixtySevenWithholdsThisCall() throws Exception {
        callsAnonymously(Map.of(), "*671234#");
    }

    @Test
    @DisplayName("STAR-07 *30 blocks the caller ID of the calls made after it, on the wire")
    void starThirtyBlocksLaterCalls() throws Exception {
        assertThat(callerOnTheWire(Map.of(), "*30", "1234#")).containsPattern(ANONYMOUS_FROM);
    }

    @Test
    @DisplayName("STAR-08 *31 sends the caller ID again on later calls after Send Anonymous, on the wire")
    void starThirtyOneSendsItAgain() throws Exception {
        assertThat(callerOnTheWire(Map.of("P65", "1"), "*31", "1234#")).doesNotContainPattern(ANONYMOUS_FROM)
                .containsPattern("From: [^\\n]*<sip:1001@");
    }

    @Test
    @DisplayName("STAR-13 *82 sends the caller ID on this call although Send Anonymous is on, on the wire")
    void starEightyTwoSendsThisCall() throws Exception {
        assertThat(callerOnTheWire(Map.of("P65", "1"), "", "*821234#")).doesNotContainPattern(ANONYMOUS_FROM)
                .containsPattern("From: [^\\n]*<sip:1001@");
    }

    @Test
    @DisplayName("CALL-37 the account's Name (P3) is the display name of the caller in From, on the wire")
    void callerName() throws Exception {
        assertThat(callerOnTheWire(Map.of("P3", "Front Desk"), "", "1234#")).contains("From: \"Front Desk\" <sip:1001@");
    }

    private static final String ANONYMOUS_FROM = "From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=";

    /** Keys {@code code} (if any) and waits for its confirmation, then calls with {@code keys}; the INVITE's text. */
    private String callerOnTheWire(Map<String, String> extra, String code, String keys) throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        Map<String, String> settings = new java.util.HashMap<>(Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"));
        settings.putAll(extra);
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, settings)) {
            VirtualHandset handset = calling.handset();
            if (!code.isEmpty()) {
                handset = calling.dial(code);
                Thread.sleep(2500);
                handset.onHook();
                // Longer than the longest hook flash (P252, 1.1 s): the phone is really back on hook.
                Thread.sleep(1500);
            }
            handset = calling.dial(keys);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            return Files.readString(result.messages());
        }
    }

    private void callsAnonymously(Map<String, String> extra, String keys) throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        Map<String, String> settings = new java.util.HashMap<>(Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"));
        settings.putAll(extra);
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, settings)) {
            VirtualHandset handset = calling.dial(keys);
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
}
