package dev.ataemu.core.provision;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.time.VirtualScheduler;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/** Devices on virtual time that provision from the tests' servers. */
final class ProvisionedDevices {

    private ProvisionedDevices() {
    }

    /** A device with {@code settings} stored and a loopback network, not yet powered. */
    static Device unpowered(Path dataDir, DeviceModel model, VirtualScheduler scheduler, Map<String, String> settings) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(11)),
                ParameterCatalog.builtIn(), scheduler);
        device.store().apply(settings);
        device.network(InetAddress.getLoopbackAddress());
        scheduler.runPending();
        return device;
    }

    /** Powers {@code device} on and lets its first provisioning pass end. */
    static Device booted(Device device, VirtualScheduler scheduler) throws InterruptedException {
        device.powerOn();
        scheduler.advance(device.model().bootTime().plus(Duration.ofMillis(100)));
        settle(scheduler, () -> !device.provisioning().running());
        return device;
    }

    /** Lets virtual time pass in small steps while the downloads, on real threads, finish. */
    static void settle(VirtualScheduler scheduler, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            scheduler.advance(Duration.ofMillis(10));
        }
        Thread.sleep(50);
        scheduler.advance(Duration.ofMillis(10));
    }
}
