package dev.ataemu.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.hal.led.LedState;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port LEDs of each model, the reset button and the HT813 life-line, as the manuals describe them. */
class FrontPanelTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("HW-14 the HT502 PHONE LED is lit while the phone is off hook and dark when it is free")
    void ht502PhoneLedShowsUse() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        assertThat(device.led("PHONE1").state()).isEqualTo(LedState.OFF);

        device.handset(1).offHook();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(device.led("PHONE1").state()).isEqualTo(LedState.ON);
        assertThat(device.led("PHONE2").state()).isEqualTo(LedState.OFF);

        device.registrationChanged(1, RegistrationState.REGISTERED);
        device.handset(1).onHook();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(device.led("PHONE1").state()).as("registration is not shown").isEqualTo(LedState.OFF);
    }

    @Test
    @DisplayName("HW-14 P4049 = 1 inverts the HT502 PHONE LED")
    void ht502PhoneLedPatternInverted() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        device.store().apply(Map.of("P4049", "1"));
        scheduler.runPending();
        assertThat(device.led("PHONE1").state()).isEqualTo(LedState.ON);
    }

    @Test
    @DisplayName("HW-21 FXO-22 the HT813 port LEDs: dark unregistered, lit registered, 500 ms blink in use, slow blink voicemail")
    void ht813PortLeds() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        assertThat(device.led("FXS").state()).isEqualTo(LedState.OFF);
        assertThat(device.led("FXO").state()).isEqualTo(LedState.OFF);

        device.registrationChanged(1, RegistrationState.REGISTERED);
        device.registrationChanged(2, RegistrationState.REGISTERED);
        scheduler.runPending();
        assertThat(device.led("FXS").state()).isEqualTo(LedState.ON);
        assertThat(device.led("FXO").state()).isEqualTo(LedState.ON);

        device.handset(1).offHook();
        scheduler.advance(Duration.ofMillis(100));
        assertThat(device.led("FXS").state()).isEqualTo(LedState.blink(500, 500));

        device.handset(1).onHook();
        device.messageWaiting(1, true);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(device.led("FXS").state()).isEqualTo(PortLedStyle.SLOW_BLINK);
    }

    @Test
    @DisplayName("HW-16 HW-24 RST-01 holding the HT502 reset button 7 s lights LAN and WAN, then restores the factory defaults")
    void ht502LongPressFactoryReset() {
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        device.store().apply(Map.of("P3", "Alice"));

        device.resetButton().press();
        scheduler.advance(Duration.ofMillis(7000));
        assertThat(device.led("LAN").state()).isEqualTo(LedState.ON);
        assertThat(device.led("WAN").state()).isEqualTo(LedState.ON);
        device.resetButton().release();
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(device.store().changedFromDefaults()).isEmpty();
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    @DisplayName("HW-25 a short press does nothing on the HT502 and reboots the HT813")
    void shortPress() {
        Device ht502 = TestDevices.booted(DeviceModels.HT502, dataDir.resolve("a"), scheduler);
        Device ht813 = TestDevices.booted(DeviceModels.HT813, dataDir.resolve("b"), scheduler);
        ht502.store().apply(Map.of("P3", "Alice"));
        ht813.store().apply(Map.of("P3", "Alice"));
        scheduler.advance(Duration.ofSeconds(60));

        ht502.resetButton().pressFor(Duration.ofSeconds(2));
        ht813.resetButton().pressFor(Duration.ofSeconds(2));
        scheduler.advance(Duration.ofMillis(2100));

        assertThat(ht502.uptimeSeconds()).as("HT502 kept running").isGreaterThan(60);
        assertThat(ht813.power()).as("HT813 reboots").isEqualTo(PowerState.BOOTING);
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(ht813.store().get(3)).as("settings kept").isEqualTo("Alice");
        assertThat(ht502.store().get(3)).isEqualTo("Alice");
    }

    @Test
    @DisplayName("HW-26 RST-08 a provider-locked HT813 only restarts on a 7 s press")
    void providerLockedOnlyRestarts() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P3", "Alice"));
        device.providerLocked(true);

        device.resetButton().pressFor(Duration.ofSeconds(8));
        scheduler.advance(Duration.ofMillis(8010));
        assertThat(device.power()).isEqualTo(PowerState.BOOTING);
        scheduler.advance(Duration.ofSeconds(3));

        assertThat(device.store().get(3)).isEqualTo("Alice");
    }

    @Test
    @DisplayName("HW-28 BOOT-02 without power the HT813 life-line wires the phone to the PSTN line")
    void lifelineWithoutPower() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        assertThat(device.lifelineBypass()).hasValue(false);

        device.powerOff();
        scheduler.runPending();
        assertThat(device.lifelineBypass()).hasValue(true);
        device.handset(1).offHook();
        scheduler.advance(Duration.ofMillis(300));
        assertThat(device.pstnLine().orElseThrow().state().name()).as("the exchange gives dial tone").isEqualTo("DIAL_TONE");
        short[] heard = device.handset(1).earpiece().last(200);
        assertThat(dev.ataemu.media.dsp.Goertzel.levelDbm0(heard, 0, heard.length, 350)).isGreaterThan(-20);

        device.handset(1).onHook();
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(device.lifelineBypass()).hasValue(false);
    }

    @Test
    @DisplayName("HW-28 P891 keeps the HT813 relay always disconnected (1) or always connected (2)")
    void lifelineModes() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.store().apply(Map.of("P891", "2"));
        scheduler.runPending();
        assertThat(device.lifelineBypass()).hasValue(true);

        device.store().apply(Map.of("P891", "1"));
        device.powerOff();
        scheduler.runPending();
        assertThat(device.lifelineBypass()).hasValue(false);
    }

    @Test
    @DisplayName("HW-29 FXO-05 GAP-11 when the HT813's FXS account loses its registration the phone is wired to the "
            + "PSTN line until it registers again; emulator-only P90010 No keeps it on the port")
    void lifelineOnRegistrationLoss() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        device.registrationChanged(1, RegistrationState.REGISTERED);
        scheduler.runPending();
        assertThat(device.lifelineBypass()).hasValue(false);

        device.registrationChanged(1, RegistrationState.NOT_REGISTERED);
        scheduler.runPending();
        assertThat(device.lifelineBypass()).as("registration lost").hasValue(true);
        device.handset(1).offHook();
        scheduler.advance(Duration.ofMillis(300));
        assertThat(device.pstnLine().orElseThrow().state().name()).isEqualTo("DIAL_TONE");
        device.handset(1).onHook();
        scheduler.advance(Duration.ofMillis(300));

        device.registrationChanged(1, RegistrationState.REGISTERED);
        scheduler.runPending();
        assertThat(device.lifelineBypass()).as("registered again").hasValue(false);

        device.store().apply(Map.of("P90010", "0"));
        device.registrationChanged(1, RegistrationState.NOT_REGISTERED);
        scheduler.runPending();
        assertThat(device.lifelineBypass()).as("failover off").hasValue(false);
    }

    @Test
    @DisplayName("HW-22 a ready HT813 shows Power and WAN lit")
    void readyLeds() {
        Device device = TestDevices.booted(DeviceModels.HT813, dataDir, scheduler);
        assertThat(device.led("POWER").state()).isEqualTo(LedState.ON);
        assertThat(device.led("WAN").state()).isEqualTo(LedState.ON);
    }
}
