package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.dsp.Goertzel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VoIP-to-PSTN calls on the HT813's FXO account, placed by its own FXS account straight to the FXO
 * account's SIP port (no registrar): the PIN, the forward number, and the line's release.
 */
class PstnGatewayTest {

    @TempDir
    Path work;

    private CallingDevice device(Map<String, String> extra) throws Exception {
        int fxoSipPort = freePort();
        Map<String, String> settings = new HashMap<>(Map.of("P31", "0", "P731", "0",
                "P740", Integer.toString(fxoSipPort), "P47", "127.0.0.1:" + fxoSipPort));
        settings.putAll(extra);
        return new CallingDevice(work.resolve("data"), DeviceModels.HT813, settings);
    }

    private static void callTheFxoAccount(CallingDevice calling) throws InterruptedException {
        VirtualHandset caller = calling.handset();
        caller.offHook();
        Thread.sleep(300);
        caller.press("2000#", 80, 80);
        CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.CONNECTED);
        assertThat(calling.device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
    }

    @Test
    @DisplayName("FXO-07 FXO-08 FXO-10 FXO-21 with a PIN the caller hears the prompt tone; a wrong PIN is refused, the right one "
            + "gives the line's dial tone and the keys that follow are dialed")
    void pin() throws Exception {
        try (CallingDevice calling = device(Map.of("P794", "4321", "P4041", "f1=600@-15,c=0/0;"))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            callTheFxoAccount(calling);
            VirtualHandset caller = calling.handset();
            Thread.sleep(800);
            double prompt = level(caller, 600);
            caller.press("1111#", 100, 150);
            Thread.sleep(1500);
            double promptAfterWrongPin = level(caller, 600);
            assertThat(exchange.state()).as("a wrong PIN does not seize the line").isEqualTo(VirtualCentralOffice.State.IDLE);

            caller.press("4321#", 100, 150);
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.DIAL_TONE);
            Thread.sleep(800);
            double dialTone = level(caller, 440);
            caller.press("911", 100, 150);
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            System.out.printf("PIN: prompt 600 Hz at %.1f, after a wrong PIN %.1f, dial tone 440 Hz at %.1f dBm0; dialed %s%n",
                    prompt, promptAfterWrongPin, dialTone, exchange.dialed());

            assertThat(prompt).isGreaterThan(-25);
            assertThat(promptAfterWrongPin).isGreaterThan(-25);
            assertThat(dialTone).isGreaterThan(-30);
            assertThat(exchange.dialed()).isEqualTo("911");
            caller.onHook();
        }
    }

    @Test
    @DisplayName("FXO-07 three wrong PINs end the call")
    void threeWrongPins() throws Exception {
        try (CallingDevice calling = device(Map.of("P794", "4321"))) {
            callTheFxoAccount(calling);
            VirtualHandset caller = calling.handset();
            Thread.sleep(500);
            caller.press("1#2#3#", 100, 150);
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.fxsLine(1).state()).as("the gateway hung up").isEqualTo(LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.pstnLine().orElseThrow().state()).isEqualTo(VirtualCentralOffice.State.IDLE);
            caller.onHook();
        }
    }

    @Test
    @DisplayName("FXO-12 with a forward number (P796) the line is dialed by itself; the PSTN hanging up ends the VoIP call")
    void forwardNumber() throws Exception {
        try (CallingDevice calling = device(Map.of("P796", "6175550100"))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            callTheFxoAccount(calling);
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.DIALING);
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            assertThat(exchange.dialed()).isEqualTo("6175550100");

            exchange.hangUp();
            CallingDevice.await(() -> calling.device.fxsLine(1).state() == LineState.OFF_HOOK_IDLE);
            assertThat(calling.device.fxsLine(1).state()).as("BYE after the PSTN side hung up")
                    .isEqualTo(LineState.OFF_HOOK_IDLE);
            calling.handset().onHook();
        }
    }

    @Test
    @DisplayName("FXO-19 with one-stage dialing (P3304 = 1) the number the caller dialed, the INVITE's user part, is "
            + "dialed into the line by itself")
    void oneStageDialing() throws Exception {
        try (CallingDevice calling = device(Map.of("P3304", "1"))) {
            VirtualCentralOffice exchange = calling.device.pstnLine().orElseThrow();
            callTheFxoAccount(calling);
            CallingDevice.await(() -> exchange.state() == VirtualCentralOffice.State.CONNECTED);
            assertThat(exchange.dialed()).isEqualTo("2000");
            calling.handset().onHook();
        }
    }

    private static int freePort() throws Exception {
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, CallingDevice.LOOPBACK)) {
            return probe.getLocalPort();
        }
    }

    private static double level(VirtualHandset handset, double hertz) {
        short[] heard = handset.earpiece().last(400);
        return Goertzel.levelDbm0(heard, 0, heard.length, hertz);
    }
}
