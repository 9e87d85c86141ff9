package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.dsp.Goertzel;
import dev.ataemu.media.tone.ToneGenerator;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.testing.peers.Kamailio;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HT502's two ports call each other through a real Kamailio, with digest authentication and audio checked. */
class KamailioCallTest {

    @TempDir
    Path work;

    private static int freeEvenPort() throws Exception {
        try (DatagramSocket probe = new DatagramSocket(0, CallingDevice.LOOPBACK)) {
            return probe.getLocalPort() & ~1;
        }
    }

    @Test
    @DisplayName("SIP-02 CALL-01 CALL-06 port 1 calls port 2 through Kamailio: a tone in one mouthpiece is heard in the other earpiece")
    void portsCallEachOtherThroughKamailio() throws Exception {
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "1002", "beta-2"))) {
            portsCallEachOther(kamailio, Map.of());
        }
    }

    @Test
    @DisplayName("SIP-09 over TCP (P130 / P830): both ports register with Kamailio and call each other, audio both ways")
    void portsCallEachOtherOverTcp() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(Map.of("1001", "alpha-1", "1002", "beta-2"))
                .tcp(true).start()) {
            portsCallEachOther(kamailio, Map.of("P130", "1", "P830", "1"));
        }
    }

    @Test
    @DisplayName("SIP-09 SEC-01 over TLS (P130 / P830 = 2): both ports register with Kamailio's TLS port and call each "
            + "other, audio both ways")
    void portsCallEachOtherOverTls() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(Map.of("1001", "alpha-1", "1002", "beta-2"))
                .tls(true).start()) {
            portsCallEachOther(kamailio, Map.of("P130", "2", "P830", "2"));
        }
    }

    @Test
    @DisplayName("SIP-10 SEC-01 the HT813 over TLS writes sips: URIs (P2329, factory value sips) and registers with Kamailio")
    void registersWithTheSipsScheme() throws Exception {
        try (Kamailio kamailio = Kamailio.builder(work.resolve("kamailio")).users(Map.of("1001", "alpha-1"))
                .tls(true).start();
             CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, Map.of(
                     "P47", kamailio.host() + ":" + kamailio.tlsPort(), "P34", "alpha-1", "P130", "2"))) {
            CallingDevice.await(() -> kamailio.isRegistered("1001"));
            assertThat(kamailio.registrations()).as(() -> kamailio.logTail(40)).contains("sips:1001@127.0.0.1");
        }
    }

    private void portsCallEachOther(Kamailio kamailio, Map<String, String> extra) throws Exception {
        String server = "2".equals(extra.get("P130")) ? kamailio.host() + ":" + kamailio.tlsPort() : kamailio.hostPort();
        Map<String, String> accounts = new java.util.HashMap<>(extra);
        accounts.putAll(Map.of(
                "P47", server, "P34", "alpha-1", "P747", server, "P735", "1002", "P734", "beta-2",
                "P739", Integer.toString(freeEvenPort())));
        try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502, accounts)) {
            CallingDevice.await(() -> calling.device.status().ports().stream()
                    .allMatch(port -> port.registration() == RegistrationState.REGISTERED));
            assertThat(kamailio.isRegistered("1002")).as(() -> kamailio.logTail(40)).isTrue();
            if ("1".equals(extra.get("P130"))) {
                assertThat(kamailio.registrations()).as("the bindings were made over TCP").contains("transport=tcp");
            }
            if ("2".equals(extra.get("P130"))) {
                assertThat(kamailio.registrations()).as("the bindings were made over TLS").contains("transport=tls");
            }

            VirtualHandset caller = calling.device.handset(1);
            VirtualHandset callee = calling.device.handset(2);
            callee.speak(new ToneGenerator(ToneSpec.parse("f1=1300@-12,c=0/0;")));
            caller.offHook();
            Thread.sleep(300);
            caller.press("1002#", 80, 80);

            CallingDevice.await(callee::ringing);
            assertThat(callee.ringing()).as(() -> "caller line " + calling.device.fxsLine(1).state() + " dialed "
                    + calling.device.fxsLine(1).dialed() + "\n" + kamailio.logTail(40)).isTrue();
            CallingDevice.await(() -> callee.callerId().isPresent());
            assertThat(callee.callerId()).isPresent();
            assertThat(callee.callerId().get().callerId().number()).hasValue("1001");
            callee.offHook();
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
            // Talk only once connected: a voice over the keys would hide the DTMF from the detector.
            caller.speak(new ToneGenerator(ToneSpec.parse("f1=700@-12,c=0/0;")));
            Thread.sleep(2000);

            short[] calleeHears = callee.earpiece().last(1000);
            short[] callerHears = caller.earpiece().last(1000);
            double sevenHundred = Goertzel.levelDbm0(calleeHears, 0, calleeHears.length, 700);
            double thirteenHundred = Goertzel.levelDbm0(callerHears, 0, callerHears.length, 1300);
            System.out.printf("through Kamailio: port 2 hears 700 Hz at %.1f dBm0, port 1 hears 1300 Hz at %.1f dBm0%n",
                    sevenHundred, thirteenHundred);
            assertThat(sevenHundred).isGreaterThan(-20);
            assertThat(thirteenHundred).isGreaterThan(-20);

            caller.onHook();
            CallingDevice.await(() -> calling.device.fxsLine(2).state() == LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.fxsLine(2).state()).as("the BYE reached port 2").isEqualTo(LineState.OFF_HOOK_IDLE);
            callee.onHook();
        }
}

    @Test
    @DisplayName("SIP-02 CALL-01 FXO-01 FXO-06 FXO-11 the HT813's FXS account calls its FXO account through Kamailio: "
            + "the exchange's dial tone, the keys dialed into the line, audio both ways with the PSTN party")
    void fxsCallsThePstnThroughTheFxoAccount() throws Exception {
        try (Kamailio kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "1002", "beta-2"))) {
            String server = kamailio.hostPort();
            Map<String, String> accounts = Map.of(
                    "P47", server, "P34", "alpha-1", "P747", server, "P735", "1002", "P734", "beta-2",
                    "P739", Integer.toString(freeEvenPort()));
            try (CallingDevice calling = new CallingDevice(work.resolve("data"), DeviceModels.HT813, accounts)) {
                CallingDevice.await(() -> calling.device.status().ports().stream()
                        .allMatch(port -> port.registration() == RegistrationState.REGISTERED));
                assertThat(kamailio.isRegistered("1002")).as(() -> kamailio.logTail(40)).isTrue();
                VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
                exchange.partyAudio(new ToneGenerator(ToneSpec.parse("f1=1300@-12,c=0/0;")));

                VirtualHandset caller = calling.device.handset(1);
                caller.offHook();
                Thread.sleep(300);
                caller.press("1002#", 80, 80);
                CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
                assertThat(calling.device.fxsLine(1).state()).as(() -> kamailio.logTail(40)).isEqualTo(LineState.CONNECTED);
                // The exchange's dial tone comes over the call's RTP: wait for it rather than a fixed time (load).
                CallingDevice.await(() -> {
                    short[] heard = caller.earpiece().last(500);
                    return Goertzel.levelDbm0(heard, 0, heard.length, 440) > -30;
                });
                short[] dialTone = caller.earpiece().last(500);
                double fourForty = Goertzel.levelDbm0(dialTone, 0, dialTone.length, 440);

                caller.press("5551234", 100, 150);
                CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
                assertThat(exchange.state()).isEqualTo(VirtualCentralOffice.State.CONNECTED);
                caller.speak(new ToneGenerator(ToneSpec.parse("f1=700@-12,c=0/0;")));
                Thread.sleep(2000);
                short[] callerHears = caller.earpiece().last(1000);
                short[] partyHears = exchange.partyEar().last(1000);
                double thirteenHundred = Goertzel.levelDbm0(callerHears, 0, callerHears.length, 1300);
                double sevenHundred = Goertzel.levelDbm0(partyHears, 0, partyHears.length, 700);
                System.out.printf("FXS to FXO through Kamailio: dial tone 440 Hz at %.1f dBm0; the exchange took %s; "
                        + "the party hears 700 Hz at %.1f dBm0, the caller 1300 Hz at %.1f dBm0%n",
                        fourForty, exchange.dialed(), sevenHundred, thirteenHundred);

                assertThat(fourForty).as("the exchange's dial tone reached the caller").isGreaterThan(-30);
                assertThat(exchange.dialed()).isEqualTo("5551234");
                assertThat(sevenHundred).isGreaterThan(-25);
                assertThat(thirteenHundred).isGreaterThan(-25);

                caller.onHook();
                CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.IDLE);
                assertThat(exchange.state()).as("the BYE released the line").isEqualTo(VirtualCentralOffice.State.IDLE);
            }
        }
    }
}
