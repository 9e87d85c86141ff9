package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.feature.PerCallFeatures;
import dev.ataemu.hal.sim.VirtualHandset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device's own star codes, keyed on the handset and measured in the earpiece, on virtual time. */
class StarCodeLineTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("STAR-07 STAR-08 STAR-29 *30 blocks caller ID on later calls (P65), *31 sends it again; "
            + "each is confirmed by the confirmation tone and then dial tone")
    void callerIdBlockLasts() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        VirtualHandset handset = line.dial("*30");
        short[] confirmation = handset.earpiece().last(200);
        line.scheduler.advance(Duration.ofMillis(800));
        short[] dialTone = handset.earpiece().last(200);

        assertThat(line.device.store().get(65)).isEqualTo("1");
        assertThat(line.sent).isEmpty();
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.DIAL_TONE);
        assertThat(Measure.levelDbm0(confirmation, 0, 200, 350)).as("confirmation tone").isGreaterThan(-25);
        assertThat(Measure.levelDbm0(dialTone, 0, 200, 440)).as("then dial tone").isGreaterThan(-20);

        handset.press("*31", 100, 100);
        line.scheduler.advance(Duration.ofMillis(800));
        assertThat(line.device.store().get(65)).isEqualTo("0");
    }

    @Test
    @DisplayName("STAR-10 STAR-11 *50 turns call waiting off for later calls (P91), *51 on again")
    void callWaitingSwitchLasts() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        line.dial("*50");
        line.scheduler.advance(Duration.ofMillis(800));
        assertThat(line.device.store().get(91)).isEqualTo("1");
        line.handset().press("*51", 100, 100);
        line.scheduler.advance(Duration.ofMillis(800));
        assertThat(line.device.store().get(91)).isEqualTo("0");
    }

    @Test
    @DisplayName("STAR-12 STAR-13 STAR-15 STAR-16 per-call codes go before the number, with no dial tone in between, "
            + "and change that call only")
    void perCallCodesChangeTheNextCall() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        line.dial("*67*701002#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("1002");
        assertThat(line.sentWith.get(0).sendCallerId()).contains(false);
        assertThat(line.sentWith.get(0).callWaiting()).contains(false);
        assertThat(line.device.store().get(65)).as("the setting itself is unchanged").isEqualTo("0");

        line.hangUp();
        line.dial("1003#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("1002", "1003");
        assertThat(line.sentWith.get(1)).isEqualTo(PerCallFeatures.NONE);
    }

    @Test
    @DisplayName("SIP-33 DP-19 with call features off (P191) the codes go to the server as dialed; "
            + "with them on, a plan without '*' still lets them through")
    void callFeaturesSwitch() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P191", "0"));
        line.dial("*30#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("*30");
        assertThat(line.device.store().get(65)).isEqualTo("0");

        line.hangUp();
        line.device.store().apply(Map.of("P191", "1", "P4200", "{ x+ }"));
        line.dial("*30");
        line.scheduler.advance(Duration.ofMillis(800));
        assertThat(line.device.store().get(65)).isEqualTo("1");
        assertThat(Optional.of(line.device.fxsLine(1).state())).contains(LineState.DIAL_TONE);
    }

    @Test
    @DisplayName("STAR-28 CALL-29 CALL-03 # as the first key redials the last number; with none yet, the reorder tone")
    void hashRedials() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        line.dial("#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).isEmpty();
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        line.hangUp();

        line.dial("1002#");
        line.scheduler.advance(Duration.ofMillis(300));
        line.hangUp();
        line.dial("#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("1002", "1002");
    }

    @Test
    @DisplayName("STAR-14 CALL-28 *69 calls the last caller back; with no caller yet, the reorder tone")
    void callReturn() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        line.dial("*69");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).isEmpty();
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        line.hangUp();

        line.device.fxsLine(1).ring(dev.ataemu.media.callerid.CallerId.empty().withNumber("5551234"), LineCall.NONE);
        line.scheduler.advance(Duration.ofSeconds(1));
        line.device.fxsLine(1).stopRinging();
        line.scheduler.advance(Duration.ofSeconds(1));
        line.dial("*69");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("5551234");
    }

    @Test
    @DisplayName("STAR-03 on the HT813 *02 and a codec code force that codec for the call that follows; "
            + "a codec not spoken here gets the reorder tone")
    void perCallCodec() {
        RecordingLine line = new RecordingLine(dataDir, dev.ataemu.core.device.DeviceModels.HT813, Map.of());
        line.dial("*0271111002#");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.sent).containsExactly("1002");
        assertThat(line.sentWith.get(0).vocoder()).contains(8);
        line.hangUp();

        line.dial("*02729");
        line.scheduler.advance(Duration.ofMillis(300));
        assertThat(line.device.fxsLine(1).state()).isEqualTo(LineState.OFF_HOOK_IDLE);
        assertThat(line.sent).hasSize(1);
    }

    @Test
    @DisplayName("STAR-05 STAR-06 on the HT813 *16 and *17 turn SRTP on (P183 = 1) and off; the HT502 has no such codes")
    void srtpCodes() {
        RecordingLine ht813 = new RecordingLine(dataDir.resolve("813"), dev.ataemu.core.device.DeviceModels.HT813, Map.of());
        ht813.dial("*16");
        ht813.scheduler.advance(Duration.ofMillis(800));
        assertThat(ht813.device.store().get(183)).isEqualTo("1");
        ht813.press("*17");
        ht813.scheduler.advance(Duration.ofMillis(800));
        assertThat(ht813.device.store().get(183)).isEqualTo("0");

        RecordingLine ht502 = new RecordingLine(dataDir.resolve("502"), Map.of());
        ht502.dial("*16#");
        ht502.scheduler.advance(Duration.ofMillis(300));
        assertThat(ht502.sent).as("sent through the dial plan").containsExactly("*16");
        assertThat(ht502.device.store().get(183)).isEqualTo("0");
    }

    @Test
    @DisplayName("CALL-06 off-hook auto-dial (P71) calls its number after the delay (P4045), unless a key comes first")
    void offHookAutoDial() {
        RecordingLine line = new RecordingLine(dataDir, Map.of("P71", "1234", "P4045", "2"));
        line.handset().offHook();
        line.scheduler.advance(Duration.ofMillis(1500));
        assertThat(line.sent).isEmpty();
        line.scheduler.advance(Duration.ofMillis(1000));
        assertThat(line.sent).containsExactly("1234");
        line.hangUp();

        line.dial("5");
        line.scheduler.advance(Duration.ofSeconds(5));
        assertThat(line.sent).as("a key before the delay dials instead").containsExactly("1234", "5");

        line.hangUp();
        line.device.store().apply(Map.of("P4045", "0"));
        line.handset().offHook();
        line.scheduler.advance(Duration.ofMillis(200));
        assertThat(line.sent).as("no delay: at once").containsExactly("1234", "5", "1234");
    }

    @Test
    @DisplayName("CALL-33 CALL-34 STAR-31 the features set with star codes are kept as P-values across a reboot and "
            + "reported per port (the status page's DND and forward columns)")
    void featureStateReported() {
        RecordingLine line = new RecordingLine(dataDir, Map.of());
        line.dial("*78");
        line.scheduler.advance(Duration.ofMillis(800));
        line.handset().press("*721234#", 100, 100);
        line.scheduler.advance(Duration.ofMillis(2000));
        dev.ataemu.core.device.DeviceStatus.Features features = line.device.status().ports().get(0).features();
        assertThat(features.doNotDisturb()).isTrue();
        assertThat(features.forward()).isEqualTo("1234");
        assertThat(features.busyForward()).isEmpty();
        assertThat(line.device.status().ports().get(1).features().doNotDisturb()).as("port 2 has its own").isFalse();

        line.hangUp();
        line.device.reboot();
        line.scheduler.advance(Duration.ofSeconds(60));
        assertThat(line.device.power()).isEqualTo(dev.ataemu.core.device.PowerState.READY);
        assertThat(line.device.status().ports().get(0).features())
                .isEqualTo(new dev.ataemu.core.device.DeviceStatus.Features(true, "1234", "", ""));
    }
}
