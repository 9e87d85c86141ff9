package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dialing out from the simulated handset to SIPp answering as the far end. */
class OutgoingCallTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-01 CALL-03 dialing 1234# calls the server, the far end answers, hanging up sends BYE")
    void dialOut() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"))) {
            VirtualHandset handset = calling.dial("1234#");

            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);

            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
        }
    }

    @Test
    @DisplayName("CALL-01 SIPp's stock uas scenario answers the device's call and takes its BYE")
    void stockUas() throws Exception {
        SippRun callee = Sipp.stock(work.resolve("sipp-uas"), "uas").calls(1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"))) {
            VirtualHandset handset = calling.dial("5678#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
            Thread.sleep(500);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
        }
    }

    @Test
    @DisplayName("CALL-02 without # the number goes after the no-key-entry timeout (P85)")
    void noKeyEntryTimeout() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0", "P85", "2", "P401", "0"))) {
            VirtualHandset handset = calling.dial("555");
            Thread.sleep(1000);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.DIALING);

            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
            handset.onHook();
            assertThat(callee.awaitResult(Duration.ofSeconds(20)).succeeded()).isTrue();
        }
    }

    @Test
    @DisplayName("MEDIA-15 with VAD on (P50) the INVITE offers comfort noise (CN/8000 on 13) after the voice codecs")
    void vadOffersComfortNoise() throws Exception {
        SippRun callee = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0", "P50", "1"))) {
            VirtualHandset handset = calling.dial("1234#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            String invite = java.nio.file.Files.readString(result.messages());
            assertThat(invite).containsPattern("m=audio \\d+ RTP/AVP [0-9 ]+ 13 101\\r?\\n")
                    .contains("a=rtpmap:13 CN/8000");
        }
    }

    @Test
    @DisplayName("PLAT-53 with 100rel on (P272) the INVITE offers it and a reliable 183 is PRACKed")
    void prackOfReliable183() throws Exception {
        SippRun callee = Scenarios.sipp(work, "sipp-uas-100rel.xml").calls(1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0", "P272", "1"))) {
            VirtualHandset handset = calling.dial("1234#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
        }
    }

    @Test
    @DisplayName("SIP-21 CALL-08 with Outgoing Call without Registration off (P109 = 0) an unregistered account refuses to call: reorder tone")
    void noCallsWithoutRegistration() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:9", "P109", "0", "P401", "0"))) {
            VirtualHandset handset = calling.dial("1234#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            Thread.sleep(300);
            short[] heard = handset.earpiece().last(200);
            assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
            assertThat(dev.ataemu.media.dsp.Goertzel.levelDbm0(heard, 0, heard.length, 620)).as("reorder tone").isGreaterThan(-35);
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-03 early media: after a 183 with SDP the caller hears local ring-back until the far end sounds, "
            + "then the far end's media (its key 5), before the answer")
    void earlyMedia() throws Exception {
        SippRun callee = Scenarios.sipp(work, "sipp-uas-early-media.xml").calls(1).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P47", "127.0.0.1:" + callee.port(), "P31", "0"))) {
            VirtualHandset handset = calling.dial("1234#");
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CALLING);
            Thread.sleep(1200);
            short[] beforeMedia = handset.earpiece().last(500);
            double ringBack = dev.ataemu.media.dsp.Goertzel.levelDbm0(beforeMedia, 0, beforeMedia.length, 440);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            StringBuilder keys = new StringBuilder();
            new dev.ataemu.media.dtmf.DtmfDetector(digit -> keys.append(digit.symbol()))
                    .process(handset.earpiece().last(3000));
            LineState whileEarly = calling.device.fxsLine(1).state();
            handset.onHook();
            SippResult result = callee.awaitResult(Duration.ofSeconds(20));
            System.out.printf("early media: ring-back 440 Hz at %.1f dBm0 before the far end sounded; keys heard: %s%n",
                    ringBack, keys);

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(whileEarly).isEqualTo(LineState.CONNECTED);
            assertThat(ringBack).as("local ring-back while the early media is silent").isGreaterThan(-30);
            assertThat(keys.toString()).as("the far end's early media reached the earpiece").contains("5");
        }
    }
}
