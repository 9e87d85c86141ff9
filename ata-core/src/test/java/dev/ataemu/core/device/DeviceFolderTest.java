package dev.ataemu.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceFolderTest {

    @TempDir
    Path dataDir;

    private final Random random = new Random(1);

    @Test
    void aDeviceWithoutAMacGetsOneOnceAndKeepsIt() {
        DeviceFolder first = DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(), random);
        DeviceFolder again = DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(), random);

        assertThat(again.mac()).isEqualTo(first.mac());
        assertThat(first.path()).isEqualTo(dataDir.resolve(first.mac().compact()));
        assertThat(first.path().resolve("device.properties")).content().contains("model=HT813");
    }

    @Test
    void eachModelKeepsItsOwnDevice() {
        DeviceFolder ht813 = DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(), random);
        DeviceFolder ht502 = DeviceFolder.locate(dataDir, DeviceModels.HT502, Optional.empty(), random);
        assertThat(ht502.mac()).isNotEqualTo(ht813.mac());
    }

    @Test
    void aGivenMacNamesTheFolder() {
        MacAddress mac = MacAddress.parse("000b82abcdef");
        DeviceFolder folder = DeviceFolder.locate(dataDir, DeviceModels.HT502, Optional.of(mac), random);
        assertThat(folder.path().getFileName().toString()).isEqualTo("000b82abcdef");
    }

    @Test
    void aFolderOfAnotherModelIsNotReused() {
        MacAddress mac = MacAddress.parse("000b82abcdef");
        DeviceFolder.locate(dataDir, DeviceModels.HT502, Optional.of(mac), random);

        assertThatThrownBy(() -> DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.of(mac), random))
                .hasMessage("the device 000b82abcdef in " + dataDir + " is an HT502, not an HT813;"
                        + " choose another --mac or --data-dir");
    }
}
