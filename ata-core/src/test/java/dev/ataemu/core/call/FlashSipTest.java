package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
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

/** What the flash features put on the wire, against SIPp far ends that check and trace it. */
class FlashSipTest {

    @TempDir
    Path work;

    /** SIPp as the far end B: it answers, takes the hold, the REFER, reports 200 and takes the BYE. */
    private SippRun transferee(int timeoutSeconds) throws InterruptedException {
        return Scenarios.sipp(work, "sipp-uas-transferee.xml").service("1002").key("outcome", "200 OK")
                .traceMessages(true).timeout(Duration.ofSeconds(timeoutSeconds)).start();
    }

    /** Port 1 calls 1002 at SIPp, and once they talk, flashes: B is held and the phone hears dial tone. */
    private static VirtualHandset callAndHold(CallingDevice calling) throws InterruptedException {
        VirtualHandset handset = calling.dial("1002#");
        CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
        Thread.sleep(300);
        handset.flash(500);
        Thread.sleep(1000);
        return handset;
    }

    @Test
    @DisplayName("CALL-14 CALL-17 PLAT-64 the flash holds by re-INVITE a=sendonly; *87 sends REFER with the target in "
            + "Refer-To; the NOTIFYs' sipfrag 200 completes it and the device sends BYE")
    void holdThenBlindTransfer() throws Exception {
        SippRun transferee = transferee(30);
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + transferee.port(), "P31", "0"))) {
            VirtualHandset handset = callAndHold(calling);
            handset.press("*871003#", 80, 80);

            SippResult result = transferee.awaitResult(Duration.ofSeconds(20));
            String wire = Files.readString(result.messages());
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(wire).contains("a=sendonly").containsPattern("Refer-To: <sip:1003@127\\.0\\.0\\.1[:>]")
                    .contains("Referred-By:");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.DIAL_TONE);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.DIAL_TONE);
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-19 STAR-22 a blind transfer the target refuses: the final NOTIFY says 486, the phone hears the "
            + "busy tone, and B is resumed by re-INVITE a=sendrecv")
    void failedBlindTransferResumesTheCall() throws Exception {
        SippRun transferee = Scenarios.sipp(work, "sipp-uas-transferee-fails.xml").service("1002")
                .key("outcome", "486 Busy Here").traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + transferee.port(), "P31", "0"))) {
            VirtualHandset handset = callAndHold(calling);
            handset.press("*871003#", 80, 80);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED
                    && !calling.device.fxsLine(1).hasHeldCall());
            Thread.sleep(1000);
            handset.onHook();

            SippResult result = transferee.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
        }
    }

    @Test
    @DisplayName("PLAT-64 with RFC2543 Hold (emulator-only P90005) the hold offer has c=0.0.0.0")
    void rfc2543Hold() throws Exception {
        SippRun transferee = transferee(30);
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + transferee.port(), "P31", "0", "P90005", "1"))) {
            VirtualHandset handset = callAndHold(calling);
            handset.press("*871003#", 80, 80);
            SippResult result = transferee.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(Files.readString(result.messages())).contains("c=IN IP4 0.0.0.0");
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-21 CALL-23 CALL-12 attended transfer on the wire: the REFER's Refer-To names the consulted call with "
            + "Replaces (call-id, to-tag, from-tag); on success the device ends both calls")
    void attendedTransferNamesTheDialog() throws Exception {
        SippRun transferee = transferee(40);
        SippRun consulted = Sipp.stock(work.resolve("sipp-c"), "uas").calls(1).traceMessages(true)
                .timeout(Duration.ofSeconds(40)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + transferee.port(), "P31", "0"))) {
            VirtualHandset handset = callAndHold(calling);
            // The consulted party by direct IP call (*47), so that it is a second SIPp.
            handset.press("*47127*0*0*1*" + consulted.port() + "#", 80, 80);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
            Thread.sleep(500);
            handset.onHook();

            SippResult atB = transferee.awaitResult(Duration.ofSeconds(20));
            SippResult atC = consulted.awaitResult(Duration.ofSeconds(20));
            String referred = Files.readString(atB.messages());
            assertThat(atB.succeeded()).as(atB::describe).isTrue();
            assertThat(atC.succeeded()).as("C got the device's BYE: " + atC.describe()).isTrue();
            assertThat(referred).containsPattern("Refer-To: <sip:[^>]*127\\.0\\.0\\.1:" + consulted.port()
                    + "[^>]*\\?Replaces=[^>]+%3Bto-tag%3D[^>]+%3Bfrom-tag%3D[^>]+>");
        }
    }
}
