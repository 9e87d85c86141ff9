package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.dtmf.DtmfSender;
import dev.ataemu.testing.peers.Sipp;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PSTN-to-VoIP calls through the HT813's FXO account: a PSTN caller nobody answers is taken to
 * VoIP, keying the PIN and the number as DTMF on the line; SIPp answers as the VoIP party.
 */
class PstnToVoipTest {

    @TempDir
    Path work;

    private CallingDevice device(SippRun voip, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("P31", "0", "P731", "0",
                "P747", "127.0.0.1:" + voip.port(), "P798", "1"));
        settings.putAll(extra);
        return new CallingDevice(work.resolve("data"), DeviceModels.HT813, settings);
    }

    private static double partyHears(VirtualCentralOffice exchange, double hz) {
        short[] heard = exchange.partyEar().last(300);
        return Goertzel.levelDbm0(heard, 0, heard.length, hz);
    }

    @Test
    @DisplayName("FXO-13 FXO-14 FXO-16 FXO-23 a PSTN call unanswered after Number of Rings (P798) is seized; the caller "
            + "hears dial tone, keys the VoIP number and # in DTMF, and the FXO account calls it, named by the PSTN caller ID")
    void secondStageDialing() throws Exception {
        SippRun voip = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        // Two rings: the caller ID comes between the first and the second.
        try (CallingDevice calling = device(voip, Map.of("P798", "2"))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            exchange.ring("5551234", "Caller");
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            Thread.sleep(600);
            double dialTone = partyHears(exchange, 440);
            exchange.partyAudio(new DtmfSender("3456#", 100, 100));
            Thread.sleep(3000);
            exchange.hangUp();
            SippResult result = voip.awaitResult(Duration.ofSeconds(20));
            String wire = Files.readString(result.messages());
            System.out.printf("PSTN to VoIP: dial tone at %.1f dBm0%n", dialTone);
            assertThat(exchange.state()).isNotEqualTo(VirtualCentralOffice.State.RINGING);
            assertThat(dialTone).as("second-stage dial tone").isGreaterThan(-30);
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(wire).contains("INVITE sip:3456@");
            assertThat(wire).as("the PSTN caller's name names the VoIP caller").containsPattern("From: \"Caller\" <sip:");
            assertThat(calling.handset().ringing()).as("the FXS phone stopped ringing").isFalse();
        }
    }

    @Test
    @DisplayName("FXO-15 with a PIN for PSTN-to-VoIP calls (P795) the caller hears the prompt tone, keys the PIN, "
            + "then dial tone and the number")
    void pinFirst() throws Exception {
        SippRun voip = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = device(voip, Map.of("P795", "2468", "P4041", "f1=600@-15,c=0/0;"))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            exchange.ring("5551234", "");
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            Thread.sleep(600);
            double prompt = partyHears(exchange, 600);
            exchange.partyAudio(new DtmfSender("2468#", 100, 100));
            Thread.sleep(1500);
            double dialTone = partyHears(exchange, 440);
            exchange.partyAudio(new DtmfSender("3456#", 100, 100));
            Thread.sleep(3000);
            exchange.hangUp();
            SippResult result = voip.awaitResult(Duration.ofSeconds(20));
            System.out.printf("PSTN to VoIP with PIN: prompt at %.1f, then dial tone at %.1f dBm0%n", prompt, dialTone);
            assertThat(prompt).isGreaterThan(-30);
            assertThat(dialTone).isGreaterThan(-30);
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(Files.readString(result.messages())).contains("INVITE sip:3456@");
        }
    }

    @Test
    @DisplayName("FXO-17 with Unconditional Call Forward to VoIP (P3305-P3307) the unanswered PSTN call goes straight "
            + "to that number")
    void forwardToVoip() throws Exception {
        SippRun voip = Sipp.answerer(work.resolve("sipp"), 1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
        try (CallingDevice calling = device(voip, Map.of("P3305", "7777", "P3306", "127.0.0.1",
                "P3307", Integer.toString(voip.port())))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            exchange.ring("5551234", "");
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            Thread.sleep(2000);
            exchange.hangUp();
            SippResult result = voip.awaitResult(Duration.ofSeconds(20));
            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(Files.readString(result.messages())).contains("INVITE sip:7777@127.0.0.1:" + voip.port());
        }
    }
}
