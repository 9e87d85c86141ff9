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
}
