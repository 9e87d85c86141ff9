package dev.ataemu.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.core.line.LineState;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.testing.peers.Baresip;
import dev.ataemu.testing.peers.BaresipOptions;
import dev.ataemu.testing.peers.Kamailio;
import dev.ataemu.testing.peers.ToneWav;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers with real peers: the HT502's port 1 (1001) and two baresip phones, B (2002) and C (3003),
 * all registered with a real Kamailio. The device transfers B to C; B and C end up talking.
 */
class TransferPeersTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path work;

    @Test
    @DisplayName("CALL-17 CALL-18 STAR-22 blind transfer through Kamailio: flash, *87 3003 #: baresip B takes the REFER, "
            + "calls baresip C, and they talk; the phone hears the confirmation tone, then dial tone")
    void blindTransfer() throws Exception {
        try (Peers peers = new Peers(work)) {
            VirtualHandset handset = peers.callB();
            handset.flash(500);
            Thread.sleep(1000);
            handset.press("*873003#", 80, 80);

            JsonNode atC = peers.c.awaitEvent("CALL_ESTABLISHED", EVENT_WAIT);
            CallingDevice.await(() -> peers.line() == LineState.DIAL_TONE);
            System.out.println("blind transfer: C talks to " + atC.path("peeruri").asText() + "; the phone is "
                    + peers.line());
            assertThat(atC.path("peeruri").asText()).as("C talks to B").contains("2002");
            assertThat(peers.line()).as("confirmation then dial tone").isEqualTo(LineState.DIAL_TONE);
            peers.assertBAndCStayConnected();
            handset.onHook();
        }
    }

    @Test
    @DisplayName("CALL-21 attended transfer through Kamailio: flash, dial C, C answers, hang up: B gets a REFER "
            + "whose Refer-To names C's dialog (Replaces), B calls C, and B and C talk")
    void attendedTransfer() throws Exception {
        try (Peers peers = new Peers(work)) {
            VirtualHandset handset = peers.callB();
            handset.flash(500);
            Thread.sleep(1000);
            handset.press("3003#", 80, 80);
            peers.c.awaitEvent("CALL_ESTABLISHED", EVENT_WAIT);
            CallingDevice.await(() -> peers.line() == LineState.CONNECTED);
            Thread.sleep(500);
            handset.onHook();

            JsonNode atB = peers.b.awaitEvent("CALL_ESTABLISHED", EVENT_WAIT);
            System.out.println("attended transfer: B talks to " + atB.path("peeruri").asText());
            assertThat(atB.path("peeruri").asText()).as("B's new call goes to C").contains("3003");
            CallingDevice.await(() -> !peers.calling.device.fxsLine(1).hasHeldCall());
            assertThat(peers.line()).isEqualTo(LineState.IDLE);
            peers.assertBAndCStayConnected();
        }
    }

    /** Kamailio, the device and the two baresip phones, all registered. */
    private static final class Peers implements AutoCloseable {
        final Kamailio kamailio;
        final Baresip b;
        final Baresip c;
        final CallingDevice calling;

        Peers(Path work) throws Exception {
            kamailio = Kamailio.start(work.resolve("kamailio"), Map.of("1001", "alpha-1", "2002", "beta-2",
                    "3003", "gamma-3"));
            Baresip startedB = null;
            Baresip startedC = null;
            try {
                startedB = Baresip.start(work.resolve("b"), BaresipOptions.of("2002").codecs("pcmu")
                        .registeringTo(kamailio.hostPort(), "beta-2")
                        .audioSource(ToneWav.write(work.resolve("b.wav"), 8000, 1000, 30)));
                startedC = Baresip.start(work.resolve("c"), BaresipOptions.of("3003").codecs("pcmu")
                        .registeringTo(kamailio.hostPort(), "gamma-3")
                        .audioSource(ToneWav.write(work.resolve("c.wav"), 8000, 1400, 30)));
                // The registrations may finish before the control connection opens, so ask Kamailio.
                CallingDevice.await(() -> kamailio.isRegistered("2002") && kamailio.isRegistered("3003"));
                assertThat(kamailio.isRegistered("3003")).as(() -> kamailio.logTail(30)).isTrue();
                calling = new CallingDevice(work.resolve("data"), DeviceModels.HT502,
                        Map.of("P47", kamailio.hostPort(), "P34", "alpha-1"));
            } catch (Exception | AssertionError e) {
                // A peer that started must not outlive a set-up that failed.
                if (startedC != null) {
                    startedC.close();
                }
                if (startedB != null) {
                    startedB.close();
                }
                kamailio.close();
                throw e;
            }
            b = startedB;
            c = startedC;
            CallingDevice.await(() -> calling.device.status().ports().get(0).registration() == RegistrationState.REGISTERED);
        }

        LineState line() {
            return calling.device.fxsLine(1).state();
        }

        VirtualHandset callB() throws Exception {
            VirtualHandset handset = calling.dial("2002#");
            b.awaitEvent("CALL_ESTABLISHED", EVENT_WAIT);
            CallingDevice.await(() -> line() == LineState.CONNECTED);
            assertThat(line()).isEqualTo(LineState.CONNECTED);
            Thread.sleep(500);
            return handset;
        }

        /** B and C are in a call with each other and it lasts: neither side closes within a second. */
        void assertBAndCStayConnected() throws InterruptedException {
            Thread.sleep(1500);
            long closedAtC = c.events().stream().filter(e -> "CALL_CLOSED".equals(e.path("type").asText())).count();
            long establishedAtC = c.events().stream()
                    .filter(e -> "CALL_ESTABLISHED".equals(e.path("type").asText())).count();
            System.out.println("C: " + establishedAtC + " established, " + closedAtC + " closed; B events "
                    + b.events().stream().map(e -> e.path("type").asText()).toList());
            assertThat(establishedAtC - closedAtC).as("C still has a call up").isGreaterThanOrEqualTo(1);
            long closedAtB = b.events().stream().filter(e -> "CALL_CLOSED".equals(e.path("type").asText())).count();
            long establishedAtB = b.events().stream()
                    .filter(e -> "CALL_ESTABLISHED".equals(e.path("type").asText())).count();
            assertThat(establishedAtB - closedAtB).as("B still has a call up").isGreaterThanOrEqualTo(1);
        }

        @Override
        public void close() throws Exception {
            calling.close();
            c.close();
            b.close();
            kamailio.close();
        }
    }
}
