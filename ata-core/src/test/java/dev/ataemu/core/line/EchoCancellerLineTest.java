package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line echo canceller, against a phone whose line echoes what it hears 14 dB down and 4 ms
 * late: what the far end gets back of its own tone (-15 dBm0) is measured.
 */
class EchoCancellerLineTest {

    @TempDir
    Path dataDir;

    /** One 3 s call to 1002 after {@code codes}: the level of the far end's tone in what it received at the end. */
    private static double echoHeardByFarEnd(FlashLine line, String codes) {
        line.handset().offHook();
        line.advance(500);
        if (!codes.isEmpty()) {
            line.press(codes);
        }
        FakeCall far = line.dialAndAnswer("1002");
        line.advance(3000);
        double echo = Measure.levelDbm0(far.lastReceived(10), 0, 200, far.hz);
        line.handset().onHook();
        line.advance(2000);
        return echo;
    }

    private FlashLine echoingLine(String name, dev.ataemu.core.device.DeviceModel model, Map<String, String> settings) {
        FlashLine line = new FlashLine(dataDir.resolve(name), model, settings);
        line.handset().echo(14, 4);
        return line;
    }

    @Test
    @DisplayName("STAR-04 HW-32 the LEC removes the line's echo of the far end; Disable Line Echo Canceller (P824) "
            + "lets it through")
    void echoCancelled() {
        double cancelled = echoHeardByFarEnd(echoingLine("on", DeviceModels.HT502, Map.of()), "");
        double uncancelled = echoHeardByFarEnd(echoingLine("off", DeviceModels.HT502, Map.of("P824", "1")), "");
        System.out.printf("far end's echo: %.1f dBm0 with the LEC, %.1f dBm0 without%n", cancelled, uncancelled);
        assertThat(uncancelled).as("the echo, 14 dB under the tone").isBetween(-32.0, -26.0);
        assertThat(cancelled).isLessThan(uncancelled - 25);
    }

    @Test
    @DisplayName("STAR-04 CALL-44 HT813 *03 before the number turns the echo canceller off for that call only")
    void starZeroThree() {
        FlashLine line = echoingLine("star", DeviceModels.HT813, Map.of());
        double withoutLec = echoHeardByFarEnd(line, "*03");
        double nextCall = echoHeardByFarEnd(line, "");
        System.out.printf("*03: far end's echo %.1f dBm0; on the next call %.1f dBm0%n", withoutLec, nextCall);
        // The HT813 plays the far end 6 dB down into the phone ("Gain RX"), so its echo is that much weaker too.
        assertThat(withoutLec).isBetween(-38.0, -32.0);
        assertThat(nextCall).isLessThan(withoutLec - 25);
    }
}
