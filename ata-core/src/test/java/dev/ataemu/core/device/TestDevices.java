package dev.ataemu.core.device;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/** Devices on virtual time for tests: built in a folder, powered on and booted. */
public final class TestDevices {

    private TestDevices() {
    }

    public static Device booted(DeviceModel model, Path dataDir, VirtualScheduler scheduler) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(11)),
                ParameterCatalog.builtIn(), scheduler);
        device.powerOn();
        scheduler.advance(model.bootTime().plus(Duration.ofMillis(100)));
        return device;
    }
}
