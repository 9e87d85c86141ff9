package dev.ataemu.hal.fxo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.tone.ToneSpec;
import dev.ataemu.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The FXO port against the simulated exchange: rings, caller ID, dialing and the three disconnect signals. */
class FxoPortTest {

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> heard = new ArrayList<>();
    private final FxoPort port = new FxoPort(2, scheduler, new FxoEvents() {
        @Override
        public void ring(int count) {
            heard.add("ring " + count);
        }

        @Override
        public void ringingStopped() {
            heard.add("ringing stopped");
        }

        @Override
        public void callerId(CallerId callerId) {
            heard.add("caller " + callerId.number().orElse("?") + " " + callerId.name().orElse("?"));
        }

        @Override
        public void farEndDisconnected(String how) {
            heard.add("disconnected: " + how);
        }
    });
    private final VirtualCentralOffice office = new VirtualCentralOffice(scheduler);

    FxoPortTest() {
        office.connect(port);
    }

    @Test
    @DisplayName("HW-30 the FXO port counts the rings and reads the caller ID between them")
    void countsRingsAndReadsCallerId() {
        office.ring("6265551234", "ALICE");
        scheduler.advance(Duration.ofSeconds(13));

        assertThat(heard).containsExactly("ring 1", "caller 6265551234 ALICE", "ring 2", "ring 3");

        office.hangUp();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(heard).endsWith("ringing stopped");
    }

    @Test
    @DisplayName("HW-30 FXO-04 seizing the line gives the exchange's dial tone, and dialed digits reach the exchange as DTMF")
    void dialsIntoTheExchange() {
        port.seize();
        scheduler.advance(Duration.ofMillis(500));
        assertThat(office.state()).isEqualTo(VirtualCentralOffice.State.DIAL_TONE);

        port.dial("5551234");
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(office.dialed()).isEqualTo("5551234");

        scheduler.advance(Duration.ofSeconds(5));
        assertThat(office.state()).isEqualTo(VirtualCentralOffice.State.CONNECTED);
    }

    @Test
    @DisplayName("HW-31 FXO-20 a loop-current drop ends the call (P893, P764)")
    void currentDisconnect() {
        connectedCall(VirtualCentralOffice.Disconnect.CURRENT_DISCONNECT, FxoSettings.DEFAULTS);
        assertThat(heard).contains("disconnected: current disconnect");
    }

    @Test
    @DisplayName("HW-31 FXO-20 a polarity reversal ends the call when P28101 says so")
    void polarityReversal() {
        connectedCall(VirtualCentralOffice.Disconnect.POLARITY_REVERSAL,
                new FxoSettings(100, 100, true, 100, true, Optional.empty(), 6000));
        assertThat(heard).contains("disconnected: polarity reversal");
    }

    @Test
    @DisplayName("HW-31 FXO-20 the disconnect tone of P841 ends the call when P712 says so")
    void disconnectTone() {
        ToneSpec busy = ToneSpec.parse("f1=480@-32,f2=620@-32,c=500/500;");
        connectedCall(VirtualCentralOffice.Disconnect.DISCONNECT_TONE,
                new FxoSettings(100, 100, false, 100, false, Optional.of(busy), 6000));
        assertThat(heard).contains("disconnected: disconnect tone");
    }

    @Test
    void withoutDetectionTheCallStays() {
        connectedCall(VirtualCentralOffice.Disconnect.DISCONNECT_TONE,
                new FxoSettings(100, 100, false, 100, false, Optional.empty(), 6000));
        assertThat(heard).noneMatch(line -> line.startsWith("disconnected"));
        assertThat(port.hookState()).isEqualTo(HookState.OFF_HOOK);
    }

    private void connectedCall(VirtualCentralOffice.Disconnect how, FxoSettings settings) {
        port.settings(settings);
        office.disconnectSignal(how);
        port.seize();
        port.dial("123");
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(office.state()).isEqualTo(VirtualCentralOffice.State.CONNECTED);
        office.hangUp();
        scheduler.advance(Duration.ofSeconds(4));
    }
}
