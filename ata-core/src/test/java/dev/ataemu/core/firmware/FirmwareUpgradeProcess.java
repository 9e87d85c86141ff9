package dev.ataemu.core.firmware;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The victim of {@link FirmwareUpgradeCrashTest}: the storage side of an HT813's upgrades, round
 * after round and for ever. A round takes a provisioned batch of settings, then installs that round's
 * firmware image, as a device does before it reboots into it; the round is reported on standard
 * output only once both are stored. It works on the folder a device runs from, without starting
 * the device: that keeps each run short, so that the test can cut it off hundreds of times.
 */
public final class FirmwareUpgradeProcess {

    /** Every part of round {@code n}'s image carries the round's number: a torn install shows as a mix. */
    static FirmwareImage image(long round) {
        String version = "1.0.0." + round;
        return new FirmwareImage("HT813", Map.of("Program", version, "Bootloader", version, "Core", version,
                "Base", version, "CPE", version), new byte[4096]);
    }

    /** The round an installed Program version belongs to; 0 for the factory version. */
    static long round(String program) {
        return program.startsWith("1.0.0.") ? Long.parseLong(program.substring("1.0.0.".length())) : 0;
    }

    static DeviceFolder folder(Path dataDir) {
        return DeviceFolder.locate(dataDir, DeviceModels.HT813, Optional.empty(), new Random(7));
    }

    /** The device of the folder, powered on and booted. */
    static Device booted(Path dataDir, VirtualScheduler scheduler) {
        Device device = Device.inFolder(folder(dataDir), ParameterCatalog.builtIn(), scheduler);
        device.powerOn();
        scheduler.advance(DeviceModels.HT813.bootTime().plus(Duration.ofMillis(100)));
        return device;
    }

    private FirmwareUpgradeProcess() {
    }

    public static void main(String[] args) {
        DeviceFolder folder = folder(Path.of(args[0]));
        ParameterStore store = ParameterStore.open(ParameterCatalog.builtIn().forModel("HT813"), folder.configFile(),
                "firmware upgrade crash test");
        InstalledFirmware firmware = InstalledFirmware.in(folder.path(), DeviceModels.HT813.firmware());
        long next = round(firmware.versions().get("Program")) + 1;
        while (true) {
            store.apply(Map.of("P3", "round " + next, "P1360", "user" + next));
            firmware.install(image(next));
            System.out.println("ACK " + next);
            System.out.flush();
            next++;
        }
    }
}
