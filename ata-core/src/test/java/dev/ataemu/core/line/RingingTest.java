package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceEvent;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.hal.line.DisplayedCallerId;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.media.callerid.CallerId;
import dev.ataemu.media.callerid.DateAndTime;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ringing a phone with caller ID, checked by what the simulated phone saw and decoded on its line. */
class RingingTest {

    private static final CallerId ALICE = CallerId.of("6265551234", "ALICE", new DateAndTime(11, 21, 15, 30));

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    /** When ringing voltage switched on and off, in ms of virtual time from the start. */
    private List<long[]> ringTimes(Device device, int port, long start) {
        List<long[]> rings = new ArrayList<>();
        device.events().subscribe(event -> {
            if (event instanceof DeviceEvent.Ring ring && ring.port() == port) {
                if (ring.on()) {
                    rings.add(new long[] {scheduler.millis() - start, -1});
                } else if (!rings.isEmpty()) {
                    rings.get(rings.size() - 1)[1] = scheduler.millis() - start;
                }
            }
        });
        return rings;
    }

    @ParameterizedTest(name = "HW-33 caller ID scheme {0} (FSK): 2 s / 4 s ringing, number, name and time on the display")
    @ValueSource(ints = {0, 1, 2, 3, 4, 9, 15})
    void ringsWithCallerIdOnTheDisplay(int scheme) {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P853", Integer.toString(scheme)));
        scheduler.runPending();
        VirtualHandset handset = device.handset(1);
        long start = scheduler.millis();
        List<long[]> rings = ringTimes(device, 1, start);

        device.ring(1, ALICE);
        scheduler.advance(Duration.ofSeconds(15));
        rings.removeIf(ring -> ring[1] >= 0 && ring[1] - ring[0] < 500);

        assertThat(rings).hasSizeGreaterThanOrEqualTo(3);
        assertThat(rings.get(0)[1] - rings.get(0)[0]).isEqualTo(2000);
        assertThat(rings.get(1)[0] - rings.get(0)[0]).isEqualTo(6000);
        assertThat(rings.get(1)[1] - rings.get(1)[0]).isEqualTo(2000);
        DisplayedCallerId shown = handset.callerId().orElseThrow();
        assertThat(shown.callerId().number()).hasValue("6265551234");
        assertThat(shown.callerId().name()).hasValue("ALICE");
        assertThat(shown.callerId().dateTime()).hasValue(new DateAndTime(11, 21, 15, 30));
        assertThat(shown.callWaiting()).isFalse();
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.RINGING);
    }

    @ParameterizedTest(name = "HW-33 DTMF-08 caller ID scheme {0} (DTMF): the number on the display")
    @ValueSource(ints = {5, 6, 7, 8, 11, 12, 13, 14})
    void ringsWithDtmfCallerId(int scheme) {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P853", Integer.toString(scheme)));
        scheduler.runPending();

        device.ring(1, ALICE);
        scheduler.advance(Duration.ofSeconds(10));

        DisplayedCallerId shown = device.handset(1).callerId().orElseThrow();
        assertThat(shown.callerId().number()).hasValue("6265551234");
        assertThat(device.handset(1).ringsHeard()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("HW-33 P4661/P4662 change the DTMF caller ID start and stop digits")
    void dtmfCallerIdMarkers() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P853", "5", "P4661", "4", "P4662", "3"));
        scheduler.runPending();

        device.ring(1, ALICE);
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(device.handset(1).callerId().orElseThrow().callerId().number()).hasValue("6265551234");
    }

    @Test
    @DisplayName("HW-40 a distinctive ring tone follows the caller ID it is set for")
    void distinctiveRingForAMatchingCaller() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        device.store().apply(Map.of("P870", "2", "P871", "6265551234", "P4012", "c=500/500-500/3000;"));
        scheduler.runPending();
        List<long[]> rings = ringTimes(device, 1, scheduler.millis());

        device.ring(1, ALICE);
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(rings.get(0)[1] - rings.get(0)[0]).isEqualTo(500);
        assertThat(rings.get(1)[0] - rings.get(0)[0]).isEqualTo(1000);
        assertThat(rings.get(2)[0] - rings.get(1)[0]).isEqualTo(3500);
    }

    @Test
    @DisplayName("CALL-15 call-waiting caller ID: SAS and CAS, the phone's acknowledgement, then the caller on the display")
    void callWaitingCallerId() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofSeconds(1));

        device.callWaiting(1, ALICE);
        scheduler.advance(Duration.ofSeconds(3));

        DisplayedCallerId shown = handset.callerId().orElseThrow();
        assertThat(shown.callWaiting()).isTrue();
        assertThat(shown.callerId().number()).hasValue("6265551234");
        assertThat(shown.callerId().name()).hasValue("ALICE");
        short[] heard = handset.earpiece().last(3000);
        double sas = Measure.levelDbm0(heard, 0, 3000, 440);
        assertThat(sas).as("the SAS tone was heard").isGreaterThan(-40);
    }

    @Test
    @DisplayName("CALL-31 visual message waiting lights the phone's lamp and the port LED blinks slowly")
    void visualMessageWaiting() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);

        device.messageWaiting(1, true);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(handset.messageWaitingLamp()).isTrue();
        assertThat(device.led("PHONE1").state()).isEqualTo(dev.ataemu.core.device.PortLedStyle.SLOW_BLINK);

        device.messageWaiting(1, false);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(handset.messageWaitingLamp()).isFalse();
        assertThat(device.led("PHONE1").state()).isEqualTo(dev.ataemu.hal.led.LedState.OFF);
    }

    @Test
    @DisplayName("FXO-03 a PSTN call rings the HT813's phone through with the caller ID read on the line")
    void pstnRingThroughWithCallerId() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);
        List<long[]> rings = ringTimes(device, 1, scheduler.millis());

        assertThat(device.pstnLine().orElseThrow().ring("6265551234", "ALICE")).isTrue();
        scheduler.advance(Duration.ofSeconds(20));

        assertThat(rings).as("the phone rings after P843 = 4 s").isNotEmpty();
        assertThat(rings.get(0)[0]).isBetween(3900L, 4300L);
        assertThat(rings.get(0)[1] - rings.get(0)[0]).isEqualTo(2000);
        assertThat(rings.get(1)[0] - rings.get(0)[0]).isEqualTo(6000);
        DisplayedCallerId shown = handset.callerId().orElseThrow();
        assertThat(shown.callerId().number()).hasValue("6265551234");
        assertThat(shown.callerId().name()).hasValue("ALICE");
        assertThat(shown.callerId().dateTime()).isPresent();

        handset.offHook();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
        assertThat(device.fxoLine().orElseThrow().bridged()).isTrue();
        assertThat(device.pstnLine().orElseThrow().state().name()).isEqualTo("CONNECTED");

        device.pstnLine().orElseThrow().hangUp();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(device.fxoLine().orElseThrow().bridged()).as("current disconnect detected").isFalse();
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
    }

    @Test
    @DisplayName("FXO-03 with PSTN Ring Thru FXS off (P842) a PSTN call never rings the HT813's phone")
    void pstnRingThroughOff() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P842", "0"));
        device.reboot();
        scheduler.advance(Duration.ofSeconds(60));
        List<long[]> rings = ringTimes(device, 1, scheduler.millis());

        assertThat(device.pstnLine().orElseThrow().ring("6265551234", "ALICE")).isTrue();
        scheduler.advance(Duration.ofSeconds(20));

        assertThat(rings).as("the phone stays quiet").isEmpty();
        assertThat(device.handset(1).ringing()).isFalse();
    }

    @Test
    @DisplayName("FXO-03 when the PSTN caller gives up, the phone stops ringing")
    void pstnCallerGivesUp() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.pstnLine().orElseThrow().ring("6265551234", "ALICE");
        scheduler.advance(Duration.ofSeconds(7));
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.RINGING);

        device.pstnLine().orElseThrow().hangUp();
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.IDLE);
        assertThat(device.handset(1).ringing()).isFalse();
    }
}
