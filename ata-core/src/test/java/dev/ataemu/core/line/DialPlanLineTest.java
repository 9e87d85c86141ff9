package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.core.config.RejectedChangesException;
import dev.ataemu.hal.sim.VirtualHandset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dial plan as the handset meets it, on virtual time: when a number goes, what goes, and what is refused. */
class DialPlanLineTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("DP-11 DP-18 a number that can only be what it is goes at once, without the dial key or the timeout")
    void aCompleteNumberGoesAtOnce() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P4200", "{[369]11 | 1617xxxxxxx}"));
        line.dial("911");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("911");
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.CALLING);
    }

    @Test
    @DisplayName("DP-11 DP-18 a number no rule allows gets the reorder tone at once, and nothing is sent")
    void aNumberNoRuleAllowsIsRefused() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P4200", "{[369]11 | 1617xxxxxxx}"));
        VirtualHandset handset = line.dial("4");
        line.scheduler.advance(Duration.ofMillis(600));
        assertThat(line.sent).isEmpty();
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        short[] heard = handset.earpiece().last(250);
        assertThat(Measure.levelDbm0(heard, 0, 250, 480)).as("reorder tone, 480 Hz").isGreaterThan(-30);
        assertThat(Measure.levelDbm0(heard, 0, 250, 620)).as("reorder tone, 620 Hz").isGreaterThan(-30);
    }

    @Test
    @DisplayName("DP-05 DP-09 DP-12 a ^ rule blocks what it matches; <=1617> puts 1617 in front of a 7-digit number")
    void blocksAndInserts() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P4200", "{^1900x+ | <=1617>xxxxxxx}"));
        line.dial("5551234");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("16175551234");

        line.hangUp();
        line.dial("19005");
        line.scheduler.advance(Duration.ofSeconds(5));
        assertThat(line.sent).containsExactly("16175551234");
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
    }

    @Test
    @DisplayName("DP-08 DP-13 CALL-03 a number a longer one could extend waits for the no-key-entry timeout, then goes rewritten")
    void waitsForTheTimeoutThenRewrites() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P4200", "{1xxx[2-9]xxxxxx | <2=011>x+}"));
        line.dial("24420");
        line.scheduler.advance(Duration.ofSeconds(3));
        assertThat(line.sent).as("still within the 4 s no-key-entry timeout").isEmpty();
        line.scheduler.advance(Duration.ofSeconds(2));
        assertThat(line.sent).containsExactly("0114420");
    }

    @Test
    @DisplayName("DP-14 CALL-04 CALL-05 the dial key sends at once; the dial plan prefix (P66) goes in front")
    void theDialKeySendsWithThePrefix() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P66", "9"));
        line.dial("1002#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("91002");
    }

    @Test
    @DisplayName("DP-02 a malformed dial plan is refused when it is set, naming the position, and the old one stays")
    void aMalformedPlanIsRefusedWhenSet() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        assertThatThrownBy(() -> line.device.store().apply(Map.of("P4200", "{ x+ | [9-3] }")))
                .isInstanceOf(RejectedChangesException.class)
                .hasMessageContaining("P4200").hasMessageContaining("a range must run from a digit up to a digit at position");
        assertThat(line.device.store().get(4200)).isEqualTo("{ x+ | *x+ }");
    }
}
