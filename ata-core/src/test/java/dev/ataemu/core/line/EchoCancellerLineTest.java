package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line echo canceller, against a phone whose line echoes what it hears 14 dB down and 4 ms
 * late: what the far end gets back of its own 1 kHz tone is measured.
 */
class EchoCancellerLineTest {

    @TempDir
    Path dataDir;

    /** The level of the far end's own tone in what it received over the last 200 ms of a 3 s call. */
    private static double echoHeardByFarEnd(Path dir, DeviceModel model, Map<String, String> settings, String dial) {
        FlashLine line = new FlashLine(dir, model, settings);
        line.handset().echo(14, 4);
        FakeCall far = line.talkTo(dial);
        line.advance(3000);
        double echo = Measure.levelDbm0(far.lastReceived(10), 0, 200, far.hz);
        line.handset().onHook();
        line.advance(2000);
        return echo;
    }

    @Test
    @DisplayName("STAR-04 HW-32 the LEC removes the line's echo of the far end; Disable Line Echo Canceller (P824) "
            + "lets it through")
    void echoCancelled() {
        double cancelled = echoHeardByFarEnd(dataDir.resolve("on"), DeviceModels.HT502, Map.of(), "1002");
        double uncancelled = echoHeardByFarEnd(dataDir.resolve("off"), DeviceModels.HT502, Map.of("P824", "1"), "1002");
        System.out.printf("far end's echo: %.1f dBm0 with the LEC, %.1f dBm0 without%n", cancelled, uncancelled);
        assertThat(uncancelled).as("the echo, 14 dB under the -15 dBm0 tone").isBetween(-32.0, -26.0);
        assertThat(cancelled).isLessThan(uncancelled - 25);
    }
}
