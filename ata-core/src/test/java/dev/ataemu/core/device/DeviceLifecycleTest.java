package dev.ataemu.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.hal.port.HookState;
import dev.ataemu.hal.port.PortType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceLifecycleTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    private Device device(DeviceModel model) {
        DeviceFolder folder = DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(7));
        return Device.inFolder(folder, ParameterCatalog.builtIn(), scheduler);
    }

    @Test
    @DisplayName("HW-01 HW-10 BOOT-19 an HT502 has two FXS ports, five LEDs and reports its firmware components")
    void anHt502HasTwoFxsPortsAndFiveLeds() {
        DeviceStatus status = device(DeviceModels.HT502).status();

        assertThat(status.model()).isEqualTo("HT502");
        assertThat(status.ports()).extracting(DeviceStatus.Port::index, DeviceStatus.Port::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, PortType.FXS),
                        org.assertj.core.groups.Tuple.tuple(2, PortType.FXS));
        assertThat(status.leds()).containsOnlyKeys("POWER", "WAN", "LAN", "PHONE1", "PHONE2");
        assertThat(status.firmware()).containsEntry("Program", "1.0.16.2");
        assertThat(status.mac().compact()).startsWith("000b82");
    }

    @Test
    @DisplayName("HW-02 HW-17 an HT813 has an FXS and an FXO port and five LEDs")
    void anHt813HasAnFxsAndAnFxoPort() {
        DeviceStatus status = device(DeviceModels.HT813).status();

        assertThat(status.ports()).extracting(DeviceStatus.Port::type).containsExactly(PortType.FXS, PortType.FXO);
        assertThat(status.ports()).extracting(DeviceStatus.Port::label).containsExactly("FXS", "FXO");
        assertThat(status.leds()).containsOnlyKeys("POWER", "WAN", "LAN", "FXS", "FXO");
        assertThat(status.ports()).allSatisfy(port -> {
            assertThat(port.hook()).isEqualTo(HookState.ON_HOOK);
            assertThat(port.registration()).isEqualTo(RegistrationState.NOT_REGISTERED);
        });
    }

    @Test
    @DisplayName("HW-18 BOOT-01 the HT813 Power LED flashes while booting, then stays on")
    void bootsFromPowerOnToReadyWithThePowerLedFlashingOnAnHt813() {
        Device device = device(DeviceModels.HT813);
        List<PowerState> seen = new ArrayList<>();
        device.onPowerChange(seen::add);

        device.powerOn();
        scheduler.runPending();
        assertThat(device.power()).isEqualTo(PowerState.BOOTING);
        assertThat(device.led("POWER").state()).isInstanceOf(LedState.Blink.class);

        scheduler.advance(DeviceModels.HT813.bootTime());
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.led("POWER").state()).isEqualTo(LedState.ON);
        assertThat(device.led("WAN").state()).isEqualTo(LedState.ON);
        assertThat(device.led("FXS").state()).as("unregistered").isEqualTo(LedState.OFF);
        assertThat(seen).containsExactly(PowerState.BOOTING, PowerState.READY);
    }

    @Test
    @DisplayName("HW-11 BOOT-01 the HT502 Power LED is solid from power on")
    void theHt502PowerLedIsSolidFromThePowerOn() {
        Device device = device(DeviceModels.HT502);
        device.powerOn();
        scheduler.runPending();
        assertThat(device.led("POWER").state()).isEqualTo(LedState.ON);
    }

    @Test
    @DisplayName("MGMT-05 uptime counts from power on and restarts on reboot")
    void uptimeCountsFromPowerOnAndRestartsOnReboot() {
        Device device = device(DeviceModels.HT502);
        device.powerOn();
        scheduler.advance(Duration.ofMinutes(90));
        assertThat(device.uptimeSeconds()).isEqualTo(5400);

        device.reboot();
        scheduler.runPending();
        assertThat(device.power()).isEqualTo(PowerState.BOOTING);
        assertThat(device.uptimeSeconds()).isZero();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.uptimeSeconds()).isEqualTo(10);
    }

    @Test
    void powerOffDarkensThePanelAndPowerOnBootsAgain() {
        Device device = device(DeviceModels.HT813);
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(5));

        device.powerOff();
        scheduler.runPending();
        assertThat(device.power()).isEqualTo(PowerState.OFF);
        assertThat(device.leds()).allSatisfy(led -> assertThat(led.state()).isEqualTo(LedState.OFF));
        assertThat(device.uptimeSeconds()).isZero();

        device.powerOn();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    void powerOffDuringBootStopsTheBoot() {
        Device device = device(DeviceModels.HT813);
        device.powerOn();
        scheduler.runPending();
        device.powerOff();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.power()).isEqualTo(PowerState.OFF);
        assertThat(device.led("POWER").state()).isEqualTo(LedState.OFF);
    }

    @Test
    @DisplayName("RST-09 a full factory reset restores every default and reboots")
    void aFactoryResetRestoresTheDefaultsAndReboots() {
        Device device = device(DeviceModels.HT813);
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(5));
        device.store().apply(Map.of("P3", "Alice", "P2", "secret"));
        List<PowerState> seen = new ArrayList<>();
        device.onPowerChange(seen::add);

        device.factoryReset(ResetType.FULL);
        scheduler.advance(Duration.ofSeconds(5));

        assertThat(device.store().changedFromDefaults()).isEmpty();
        assertThat(seen).containsExactly(PowerState.OFF, PowerState.BOOTING, PowerState.READY);
    }

    @Test
    @DisplayName("MGMT-03 stored settings come back with the device")
    void theStoredSettingsComeBackWithTheDevice() {
        Device first = device(DeviceModels.HT502);
        first.store().apply(Map.of("P3", "Alice"));

        Device again = device(DeviceModels.HT502);

        assertThat(again.mac()).isEqualTo(first.mac());
        assertThat(again.store().get(3)).isEqualTo("Alice");
    }
}
