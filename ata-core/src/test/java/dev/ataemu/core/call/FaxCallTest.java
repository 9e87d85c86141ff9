package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.fax.Ifp;
import dev.ataemu.media.fax.Udptl;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.testing.peers.SippResult;
import dev.ataemu.testing.peers.SippRun;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fax machine on port 1 answers a call from SIPp: the call goes to T.38 or stays in G.711, on the wire. */
class FaxCallTest {

    /** What an answering fax sends: CED, 2100 Hz. */
    private static final String CED = "f1=2100@-12,c=0/0;";

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-39 CALL-40 CALL-41 MEDIA-19 the callee hears its fax answer, re-INVITEs to T.38 and relays the "
            + "fax's tones as UDPTL indicators both ways")
    void calleeSwitchesToT38() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket farGateway = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-fax-t38.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").key("t38_port", Integer.toString(farGateway.getLocalPort())).calls(1)
                    .traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset fax = answer(calling);
            fax.speak(new ToneGenerator(ToneSpec.parse(CED)));

            List<Ifp.Indicator> fromDevice = new ArrayList<>();
            SocketAddress devicePort = receiveIndicators(farGateway, fromDevice, Ifp.Indicator.CED);
            Udptl.Packet cng = new Udptl.Packet(0, Ifp.indicator(Ifp.Indicator.CNG), List.of());
            byte[] datagram = Udptl.encode(cng);
            farGateway.send(new DatagramPacket(datagram, datagram.length, devicePort));
            Thread.sleep(500);
            short[] heard = fax.earpiece().last(400);
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(fromDevice).as("indicators from the device").contains(Ifp.Indicator.CED);
            assertThat(Goertzel.levelDbm0(heard, 0, heard.length, 1100)).as("the far fax's CNG, regenerated")
                    .isGreaterThan(-20);
            fax.onHook();
        }
    }

    @Test
    @DisplayName("CALL-39 MEDIA-19 in fax pass-through (P228) the callee hearing its fax re-INVITEs with G.711 alone")
    void passThroughReInvitesG711() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                Map.of("P228", "1", "P57", "18", "P58", "0", "P59", "8"))) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-fax-g711.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset fax = answer(calling);
            fax.speak(new ToneGenerator(ToneSpec.parse(CED)));
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            fax.onHook();
        }
    }

    @Test
    @DisplayName("CALL-42 a modem answering (2100 Hz with phase reversals) keeps the call in G.711 even in T.38 mode")
    void modemStaysInG711() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of())) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-fax-g711.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset modem = answer(calling);
            modem.speak(new ModemAnswerTone());
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            modem.onHook();
        }
    }

    /** V.25 /ANS: 2100 Hz at -12 dBm0, its phase reversed every 450 ms. */
    private static final class ModemAnswerTone implements dev.ataemu.media.audio.AudioSource {
        private long sample;

        @Override
        public void read(short[] frame) {
            for (int i = 0; i < frame.length; i++, sample++) {
                double reversal = (sample / 3600) % 2 == 0 ? 0 : Math.PI;
                frame[i] = (short) (1300 * Math.sin(2 * Math.PI * 2100 * sample / 8000.0 + reversal));
            }
        }
    }

    @Test
    @DisplayName("CALL-40 with Fax Tone Detection Mode Caller (P894) the callee leaves the call alone when its fax answers")
    void callerModeLeavesTheCalleeQuiet() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P894", "1"))) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-quiet-call.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").calls(1).traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset fax = answer(calling);
            fax.speak(new ToneGenerator(ToneSpec.parse(CED)));
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as("no re-INVITE: " + result.describe()).isTrue();
            fax.onHook();
        }
    }

    @Test
    @DisplayName("CALL-40 CALL-41 a far end's re-INVITE to T.38 is answered with the image stream and UDPTL flows")
    void farEndSwitchesToT38() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of());
             DatagramSocket farGateway = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-t38-reinvite.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").key("t38_port", Integer.toString(farGateway.getLocalPort())).calls(1)
                    .traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset fax = answer(calling);
            Thread.sleep(1500);
            fax.speak(new ToneGenerator(ToneSpec.parse(CED)));

            List<Ifp.Indicator> fromDevice = new ArrayList<>();
            receiveIndicators(farGateway, fromDevice, Ifp.Indicator.CED);
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(fromDevice).contains(Ifp.Indicator.CED);
            fax.onHook();
        }
    }

    @Test
    @DisplayName("CALL-40 after a T.38 fax, the far end's re-INVITE back to voice is taken on the same port")
    void backToVoiceAfterT38() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of());
             DatagramSocket farGateway = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-t38-and-back.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").key("t38_port", Integer.toString(farGateway.getLocalPort())).calls(1)
                    .traceMessages(true).timeout(Duration.ofSeconds(30)).start();
            VirtualHandset phone = answer(calling);
            boolean voiceBack = rtpArrives(farGateway, Duration.ofSeconds(15));
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            assertThat(voiceBack).as("the device's RTP reaches the far end again").isTrue();
            phone.onHook();
        }
    }

    /** Whether an RTP packet (version 2, PCMU) comes to {@code socket} within {@code limit}; UDPTL is passed over. */
    private static boolean rtpArrives(DatagramSocket socket, Duration limit) throws Exception {
        return RawSip.receive(socket, limit, packet -> packet.getLength() >= 12
                && (packet.getData()[0] & 0xc0) == 0x80 && (packet.getData()[1] & 0x7f) == 0);
    }

    @Test
    @DisplayName("CALL-39 CALL-40 in fax pass-through (P228) a far end's offer of T.38 is refused with 488 and the call goes on")
    void passThroughRefusesT38() throws Exception {
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, Map.of("P228", "1"))) {
            SippRun caller = Scenarios.sipp(work, "sipp-uac-t38-refused.xml").remote("127.0.0.1:" + calling.sipPort)
                    .service("1001").key("t38_port", "40000").calls(1).traceMessages(true)
                    .timeout(Duration.ofSeconds(30)).start();
            VirtualHandset fax = answer(calling);
            SippResult result = caller.awaitResult(Duration.ofSeconds(30));

            assertThat(result.succeeded()).as(result::describe).isTrue();
            fax.onHook();
        }
    }

    private static VirtualHandset answer(CallingDevice calling) throws InterruptedException {
        VirtualHandset fax = calling.handset();
        CallingDevice.await(fax::ringing);
        fax.offHook();
        return fax;
    }

    /** Reads UDPTL from the device until {@code wanted} comes (at most 10 s); says where the device sends from. */
    private static SocketAddress receiveIndicators(DatagramSocket socket, List<Ifp.Indicator> into, Ifp.Indicator wanted)
            throws Exception {
        SocketAddress[] from = new SocketAddress[1];
        if (!into.contains(wanted)) {
            RawSip.receive(socket, Duration.ofSeconds(10), packet -> {
                from[0] = packet.getSocketAddress();
                Udptl.decode(packet.getData(), packet.getLength())
                        .flatMap(udptl -> Ifp.kind(udptl.primary(), 0, udptl.primary().length).indicator())
                        .ifPresent(into::add);
                return into.contains(wanted);
            });
        }
        return from[0];
    }
}
