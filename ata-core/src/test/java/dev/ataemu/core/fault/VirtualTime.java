package dev.ataemu.core.fault;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.time.VirtualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Devices on virtual time whose network work (SIP, downloads) runs on real threads: the device's own
 * timers wait for the test to move time on, what comes back from the network is run as it arrives.
 */
final class VirtualTime {

    private VirtualTime() {
    }

    /** The device kept in {@code dataDir}, with {@code settings} stored and a loopback network, not yet powered. */
    static Device unpowered(Path dataDir, DeviceModel model, VirtualScheduler scheduler, Map<String, String> settings) {
        return unpowered(dataDir, model, scheduler, settings, List.of());
    }

    /** The same, on a network whose DHCP offers these DNS servers. */
    static Device unpowered(Path dataDir, DeviceModel model, VirtualScheduler scheduler, Map<String, String> settings,
            List<InetSocketAddress> offeredDns) {
        Device device = Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(11)),
                ParameterCatalog.builtIn(), scheduler);
        device.store().apply(settings);
        device.network(InetAddress.getLoopbackAddress(), offeredDns);
        scheduler.runPending();
        return device;
    }

    /** Powers {@code device} on and lets it boot. */
    static Device booted(Device device, VirtualScheduler scheduler) {
        device.powerOn();
        scheduler.advance(device.model().bootTime().plus(Duration.ofMillis(100)));
        return device;
    }

    /**
     * Runs what the network hands the device, without moving virtual time, until {@code condition}
     * holds or {@code limit} of real time has passed; returns whether it holds.
     */
    static boolean await(VirtualScheduler scheduler, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        scheduler.runPending();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            scheduler.runPending();
        }
        return condition.getAsBoolean();
    }

    /** Lets virtual time pass in small steps while real threads work, until {@code condition} holds. */
    static boolean settle(VirtualScheduler scheduler, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            scheduler.advance(Duration.ofMillis(10));
        }
        return condition.getAsBoolean();
    }
}
