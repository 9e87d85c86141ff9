package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.audio.Wav;
import dev.ataemu.media.dtmf.DtmfDetector;
import dev.ataemu.testing.peers.Baresip;
import dev.ataemu.testing.peers.BaresipOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys pressed during a call with baresip (Debian package): the handset's keys reach baresip by
 * the account's DTMF method, and baresip's keys are heard in the earpiece as their tones.
 */
class BaresipDtmfTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(5);

    @TempDir
    Path work;

    @ParameterizedTest(name = "DTMF-01 DTMF-03 DTMF-04 DTMF-06 MEDIA-24 RFC 2833 with baresip over {0}: the handset's keys "
            + "arrive as telephone-events, their tones kept out of the audio, and baresip's keys play in the earpiece")
    @ValueSource(strings = {"RTP", "SRTP"})
    void telephoneEventsBothWays(String transport) throws Exception {
        boolean srtp = transport.equals("SRTP");
        BaresipOptions options = BaresipOptions.of("carol").codecs("pcmu");
        try (Baresip baresip = Baresip.start(work.resolve("baresip"), srtp ? options.mediaEncryption("srtp-mand") : options);
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813,
                     srtp ? Map.of("P850", "101", "P183", "2") : Map.of("P850", "101"))) {
            VirtualHandset handset = answer(baresip, calling);

            handset.press("19#", 100, 200);
            String received = keysReceived(baresip, 3);
            baresip.command("sndcode", "47");
            Thread.sleep(1200);
            String earpiece = keysIn(handset.earpiece().last(2000));
            baresip.hangup();
            baresip.awaitEvent("CALL_CLOSED", EVENT_WAIT);
            String inBaresipsAudio = keysIn(Wav.decode(Files.readAllBytes(baresip.recordedAudio())));
            System.out.printf(transport + ", RFC 2833: baresip received %s, earpiece heard %s, baresip's audio held '%s'%n",
                    received, earpiece, inBaresipsAudio);

            assertThat(received).isEqualTo("19#");
            assertThat(earpiece).isEqualTo("47");
            assertThat(inBaresipsAudio).as("the handset's own tones were kept out of the audio").isEmpty();
            handset.onHook();
        }
    }

    @Test
    @DisplayName("DTMF-01 DTMF-03 DTMF-06 SIP INFO with baresip: the handset's keys arrive as application/dtmf-relay")
    void sipInfoToBaresip() throws Exception {
        try (Baresip baresip = Baresip.start(work.resolve("baresip"), BaresipOptions.of("carol").codecs("pcmu"));
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of("P850", "102"))) {
            VirtualHandset handset = answer(baresip, calling);

            handset.press("2580", 100, 200);
            String received = keysReceived(baresip, 4);
            System.out.printf("SIP INFO: baresip received %s%n", received);

            assertThat(received).isEqualTo("2580");
            handset.onHook();
        }
    }

    @Test
    @DisplayName("DTMF-01 DTMF-02 in-audio with baresip: the handset's key tones reach baresip in the voice audio")
    void inAudioToBaresip() throws Exception {
        try (Baresip baresip = Baresip.start(work.resolve("baresip"), BaresipOptions.of("carol").codecs("pcmu"));
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                     Map.of("P850", "100", "P851", "100", "P852", "100"))) {
            VirtualHandset handset = answer(baresip, calling);

            handset.press("36*", 100, 200);
            Thread.sleep(1500);
            baresip.hangup();
            baresip.awaitEvent("CALL_CLOSED", EVENT_WAIT);
            String inAudio = keysIn(Wav.decode(Files.readAllBytes(baresip.recordedAudio())));
            System.out.printf("in-audio: baresip's audio held %s%n", inAudio);

            assertThat(inAudio).isEqualTo("36*");
            assertThat(baresip.events().stream().filter(e -> "CALL_DTMF_START".equals(e.path("type").asText())))
                    .as("nothing relayed out of band").isEmpty();
            handset.onHook();
        }
    }

    /** baresip calls the device's port 1 and the handset answers. */
    private static VirtualHandset answer(Baresip baresip, CallingDevice calling) throws Exception {
        baresip.dial("sip:1001@127.0.0.1:" + calling.sipPort);
        VirtualHandset handset = calling.handset();
        CallingDevice.await(handset::ringing);
        assertThat(handset.ringing()).as(() -> baresip.logTail(30)).isTrue();
        handset.offHook();
        baresip.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
        Thread.sleep(500);
        return handset;
    }

    private static String keysReceived(Baresip baresip, int count) throws InterruptedException {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < count; i++) {
            JsonNode event = baresip.awaitEvent("CALL_DTMF_START", EVENT_WAIT);
            keys.append(event.path("param").asText());
        }
        return keys.toString();
    }

    private static String keysIn(short[] audio) {
        StringBuilder keys = new StringBuilder();
        new DtmfDetector(digit -> keys.append(digit.symbol())).process(audio);
        return keys.toString();
    }
}
