package dev.ataemu.core.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.device.TestDevices;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator's firmware image, and an upgrade with it, on virtual time. */
class FirmwareImageTest {

    @TempDir
    Path dataDir;

    static FirmwareImage ht502(String program) {
        return new FirmwareImage("HT502", Map.of("Program", program, "Boot", "1.0.0.18", "Loader", "1.0.0.2"),
                new byte[] {1, 2, 3, 4, 5});
    }

    @Test
    @DisplayName("PROV-21 an image reads back as written; a damaged, cut or foreign file is refused with the reason")
    void checked() {
        byte[] file = ht502("1.0.16.9").encode();
        FirmwareImage read = FirmwareImage.decode(file);
        assertThat(read.model()).isEqualTo("HT502");
        assertThat(read.program()).isEqualTo("1.0.16.9");
        assertThat(read.payload()).containsExactly(1, 2, 3, 4, 5);

        byte[] damaged = file.clone();
        damaged[damaged.length - 40] ^= 0x10;
        assertThatThrownBy(() -> FirmwareImage.decode(damaged)).hasMessageContaining("SHA-256");
        assertThatThrownBy(() -> FirmwareImage.decode(java.util.Arrays.copyOf(file, 20))).hasMessageContaining("image");
        assertThatThrownBy(() -> FirmwareImage.decode("P47 = x".getBytes())).hasMessageContaining("not an emulator firmware");
        assertThat(FirmwareImage.fileName("HT813")).isEqualTo("ht813fw.bin");
    }

    @Test
    @DisplayName("PROV-22 an upgrade writes the image with the LEDs showing it, reboots into the new version, and "
            + "keeps it across a restart; an image for another model is refused and nothing changes")
    void upgrade() {
        VirtualScheduler scheduler = new VirtualScheduler();
        Device device = TestDevices.booted(DeviceModels.HT502, dataDir, scheduler);
        assertThatThrownBy(() -> device.upgrade(new FirmwareImage("HT813", Map.of("Program", "9"), new byte[0])))
                .hasMessageContaining("HT813");
        assertThat(device.firmware().get("Program")).isEqualTo("1.0.16.2");

        device.upgrade(ht502("1.0.16.9"));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(device.firmware().get("Program")).as("still writing").isEqualTo("1.0.16.2");
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.status().firmware().get("Program")).isEqualTo("1.0.16.9");

        Device restarted = TestDevices.booted(DeviceModels.HT502, dataDir, new VirtualScheduler());
        assertThat(restarted.status().firmware().get("Program")).isEqualTo("1.0.16.9");
    }
}
