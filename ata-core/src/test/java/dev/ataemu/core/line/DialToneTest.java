package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifting the handset of an idle port, measured in what the earpiece heard. */
class DialToneTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("CALL-01 off-hook gives 350+440 Hz dial tone at the HT502's P4000 level within 100 ms")
    void offHookGivesDialToneAtP4000Level() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);

        handset.offHook();
        scheduler.advance(Duration.ofMillis(100));

        short[] heard = handset.earpiece().last(100);
        assertThat(heard).hasSizeGreaterThanOrEqualTo(640);
        assertThat(Measure.levelDbm0(heard, 0, 100, 350)).isCloseTo(-13, within(1.0));
        assertThat(Measure.levelDbm0(heard, 0, 100, 440)).isCloseTo(-13, within(1.0));
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.DIAL_TONE);
    }

    @Test
    @DisplayName("CALL-01 HW-38 HW-39 the HT813 plays its own P4000 (-17 dBm0) through its RX gain (P249 = -6 dB), and a changed P4000 is heard")
    void theDialToneFollowsP4000() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(200));
        short[] heard = handset.earpiece().last(100);
        assertThat(Measure.levelDbm0(heard, 0, 100, 350)).isCloseTo(-17 - 6, within(1.0));

        handset.onHook();
        scheduler.advance(Duration.ofSeconds(2));
        device.store().apply(Map.of("P4000", "f1=425@-10,c=0/0;"));
        scheduler.runPending();
        handset.offHook();
        scheduler.advance(Duration.ofMillis(200));
        heard = handset.earpiece().last(100);
        assertThat(Measure.levelDbm0(heard, 0, 100, 425)).isCloseTo(-10 - 6, within(1.0));
        assertThat(Measure.levelDbm0(heard, 0, 100, 350)).isLessThan(-40);
    }

    @Test
    @DisplayName("CALL-01 DTMF-06 the first key stops the dial tone")
    void theFirstKeyStopsTheDialTone() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(500));

        handset.press("5", 100, 100);
        scheduler.advance(Duration.ofMillis(600));

        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.DIALING);
        assertThat(device.fxsLine(1).dialed()).isEqualTo("5");
        short[] after = handset.earpiece().last(300);
        assertThat(Measure.levelDbm0(after, 0, 300, 350)).isLessThan(-50);
        assertThat(Measure.levelDbm0(after, 0, 300, 440)).isLessThan(-50);
    }

    @Test
    @DisplayName("DTMF-06 CALL-03 keys pressed on the handset are detected in its audio, in order (# is a digit when P72 = 0)")
    void keysAreDetectedInOrder() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        // A dial plan that takes these keys, so that none of them is refused on the way.
        device.store().apply(Map.of("P72", "0", "P4200", "{ x+*x# }"));
        scheduler.runPending();
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(300));

        handset.press("123456789*0#", 60, 60);
        scheduler.advance(Duration.ofSeconds(3));

        assertThat(device.fxsLine(1).dialed()).isEqualTo("123456789*0#");
    }

    @Test
    @DisplayName("HW-32 with pulse dialing on (P20521), a rotary dial's breaks are digits")
    void pulseDialing() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P20521", "1", "P251", "200"));
        scheduler.runPending();
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(500));

        handset.dialPulses("3071");
        scheduler.advance(Duration.ofSeconds(8));

        assertThat(device.fxsLine(1).dialed()).isEqualTo("3071");
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.DIALING);
    }

    @Test
    @DisplayName("HW-38 the RX gain (P249) scales what the earpiece hears")
    void rxGain() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        device.store().apply(Map.of("P249", "1"));
        scheduler.runPending();
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(300));

        short[] heard = handset.earpiece().last(200);
        assertThat(Measure.levelDbm0(heard, 0, 200, 350)).isCloseTo(-13 + 6, within(1.0));
    }

    @Test
    @DisplayName("CALL-31 with voicemail waiting the dial tone stutters first")
    void stutterDialToneWhenMessagesWait() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        device.messageWaiting(1, true);
        scheduler.advance(Duration.ofSeconds(2));
        VirtualHandset handset = device.handset(1);

        handset.offHook();
        scheduler.advance(Duration.ofMillis(400));

        short[] heard = handset.earpiece().last(400);
        double loudest = Double.NEGATIVE_INFINITY;
        double quietest = Double.POSITIVE_INFINITY;
        for (int ms = 0; ms + 40 <= 400; ms += 40) {
            double level = Measure.levelDbm0(heard, ms, ms + 40, 350);
            loudest = Math.max(loudest, level);
            quietest = Math.min(quietest, level);
        }
        assertThat(loudest).isCloseTo(-13, within(2.0));
        assertThat(quietest).as("interrupted").isLessThan(-30);
    }

    @Test
    @DisplayName("HW-36 a hook flash within P251/P252 is a flash; a longer on-hook is a hang-up")
    void hookFlashTiming() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(300));

        java.util.List<LineState> states = new java.util.ArrayList<>();
        device.events().subscribe(event -> {
            if (event instanceof dev.ataemu.core.device.DeviceEvent.Line line) {
                states.add(line.state());
            }
        });

        handset.flash(500);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(device.fxsLine(1).hook()).isEqualTo(dev.ataemu.hal.port.HookState.OFF_HOOK);
        assertThat(states).as("a flash is no hang-up").doesNotContain(LineState.IDLE);

        handset.flash(100);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(states).as("a glitch shorter than P251 is ignored").doesNotContain(LineState.IDLE);

        handset.flash(1500);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(states).as("hung up, then lifted again").containsSubsequence(LineState.IDLE, LineState.DIAL_TONE);

        handset.onHook();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.IDLE);
    }
}
