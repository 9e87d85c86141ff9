package dev.ataemu.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.hal.sim.VirtualCentralOffice;
import dev.ataemu.hal.sim.VirtualHandset;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HT813's phone on its own PSTN line: the access code, and L: numbers of the dial plan, on virtual time. */
class PstnAccessTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("STAR-02 *00 puts the phone on the PSTN line: the exchange's dial tone, then the number dialed "
            + "into the line reaches it; hanging up frees the line")
    void accessCode() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        VirtualCentralOffice exchange = device.pstnLine().orElseThrow();
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(500));
        handset.press("*00", 100, 100);
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(exchange.state()).isEqualTo(VirtualCentralOffice.State.DIAL_TONE);
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
        short[] heard = handset.earpiece().last(300);
        assertThat(Measure.levelDbm0(heard, 0, 300, 440)).as("the exchange's dial tone").isGreaterThan(-35);

        handset.press("5551234", 100, 100);
        scheduler.advance(Duration.ofSeconds(8));
        assertThat(exchange.dialed()).isEqualTo("5551234");
        assertThat(exchange.state()).isEqualTo(VirtualCentralOffice.State.CONNECTED);

        // The device tells a hang-up from a flash by its length, and so does the exchange.
        handset.onHook();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.fxoLine().orElseThrow().bridged()).isFalse();
        assertThat(exchange.state()).isEqualTo(VirtualCentralOffice.State.IDLE);
    }

    @Test
    @DisplayName("DP-15 DP-16 FXO-18 a number of an L: rule goes out on the PSTN line, dialed into it")
    void lRuleNumbers() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P4200", "{ L: 9xx | x+ }"));
        scheduler.runPending();
        VirtualCentralOffice exchange = device.pstnLine().orElseThrow();
        VirtualHandset handset = device.handset(1);
        handset.offHook();
        scheduler.advance(Duration.ofMillis(500));
        handset.press("911#", 100, 100);
        scheduler.advance(Duration.ofSeconds(8));

        assertThat(exchange.dialed()).isEqualTo("911");
        assertThat(device.fxsLine(1).state()).isEqualTo(LineState.CONNECTED);
    }
}
