package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the line does around a call: a phone left off hook, and the polarity of the loop. */
class OffHookLineTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("CALL-01 PLAT-71 dial tone with no key times out to the reorder tone, and a phone left off hook "
            + "then hears the howler")
    void leftOffHook() {
        FlashLine line = new FlashLine(dataDir, DeviceModels.HT502, Map.of());
        line.handset().offHook();
        line.advance(29_000);
        assertThat(line.line().state()).isEqualTo(LineState.DIAL_TONE);
        line.advance(1_500);
        assertThat(line.line().state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        short[] reorder = line.handset().earpiece().last(1000);
        // The HT502 reorder tone is -24 dBm0 per frequency, on half the time.
        assertThat(Measure.levelDbm0(reorder, 0, 1000, 620)).as("reorder").isGreaterThan(-40);

        line.advance(60_000);
        double howler = line.heard(1400);
        System.out.printf("howler 1400 Hz at %.1f dBm0%n", howler);
        assertThat(howler).as("howler").isGreaterThan(-20);
        line.handset().onHook();
        line.advance(2_000);
        assertThat(line.line().state()).isEqualTo(LineState.IDLE);
    }

    @Test
    @DisplayName("HW-34 with Polarity Reversal (P205) the loop reverses when the far end answers and back when the "
            + "call ends; without it, never")
    void polarityReversal() {
        FlashLine reversing = new FlashLine(dataDir.resolve("on"), DeviceModels.HT502, Map.of("P205", "1"));
        FakeCall b = reversing.talkTo("1002");
        assertThat(reversing.handset().polarityReversed()).as("reversed at answer").isTrue();
        reversing.scheduler.execute(b::hangUpFromFarEnd);
        reversing.advance(200);
        assertThat(reversing.handset().polarityReversed()).as("back at the end").isFalse();

        FlashLine plain = new FlashLine(dataDir.resolve("off"), DeviceModels.HT502, Map.of());
        plain.talkTo("1002");
        assertThat(plain.handset().polarityReversed()).isFalse();
    }

    @Test
    @DisplayName("PLAT-69 HW-35 when the far end hangs up the phone hears the busy tone; with Loop Current Disconnect "
            + "(P892) the loop current drops for P856 ms, without it never")
    void farEndHangsUp() {
        FlashLine dropping = new FlashLine(dataDir.resolve("on"), DeviceModels.HT502, Map.of("P892", "1", "P856", "400"));
        FakeCall b = dropping.talkTo("1002");
        dropping.scheduler.execute(b::hangUpFromFarEnd);
        dropping.advance(200);
        assertThat(dropping.handset().loopCurrent()).as("dropped").isFalse();
        dropping.advance(400);
        assertThat(dropping.handset().loopCurrent()).as("back after 400 ms").isTrue();
        dropping.advance(1000);
        double busy = Measure.levelDbm0(dropping.handset().earpiece().last(1000), 0, 1000, 480);
        System.out.printf("busy tone after the far end hung up: 480 Hz at %.1f dBm0%n", busy);
        assertThat(busy).as("busy tone").isGreaterThan(-40);
        assertThat(dropping.line().state()).isEqualTo(LineState.OFF_HOOK_IDLE);

        FlashLine plain = new FlashLine(dataDir.resolve("off"), DeviceModels.HT502, Map.of());
        FakeCall c = plain.talkTo("1002");
        boolean[] everDropped = {false};
        plain.scheduler.execute(c::hangUpFromFarEnd);
        for (int step = 0; step < 20; step++) {
            plain.advance(50);
            everDropped[0] |= !plain.handset().loopCurrent();
        }
        assertThat(everDropped[0]).as("the loop current never drops").isFalse();
    }
}
