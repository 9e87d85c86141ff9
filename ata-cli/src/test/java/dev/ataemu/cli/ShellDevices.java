package dev.ataemu.cli;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/** Booted devices on virtual time for the shell's tests. */
final class ShellDevices {

    private ShellDevices() {
    }

    static Device booted(Path dataDir, DeviceModel model, VirtualScheduler scheduler) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(5)),
                ParameterCatalog.builtIn(), scheduler);
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(3));
        return device;
    }
}
