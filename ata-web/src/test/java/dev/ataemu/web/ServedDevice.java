package dev.ataemu.web;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.time.Scheduler;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.server.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/** A powered device in a folder of its own, with its web server listening on loopback, for the web tests. */
public final class ServedDevice implements AutoCloseable {

    public final Device device;
    public final WebServer web;

    private ServedDevice(Device device, WebServer web) {
        this.device = device;
        this.web = web;
    }

    /** On virtual time: booted by advancing the scheduler a minute. */
    public static ServedDevice start(Path dataDir, DeviceModel model, VirtualScheduler scheduler) throws Exception {
        return start(dataDir, model, scheduler, loopback());
    }

    public static ServedDevice start(Path dataDir, DeviceModel model, VirtualScheduler scheduler,
            DeviceWeb.Addresses addresses) throws Exception {
        Device device = folder(dataDir, model, scheduler);
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(60));
        return serve(device, addresses);
    }

    /** On real time: waits for the device to boot. */
    public static ServedDevice startReal(Path dataDir, DeviceModel model, Scheduler scheduler) throws Exception {
        Device device = folder(dataDir, model, scheduler);
        device.powerOn();
        long deadline = System.currentTimeMillis() + 10_000;
        while (device.power() != PowerState.READY && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        return serve(device, loopback());
    }

    /** HTTP on a free loopback port. */
    public static DeviceWeb.Addresses loopback() {
        return DeviceWeb.Addresses.http(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The server's base URL without the closing slash. */
    public String base() {
        return web.uri().toString().replaceAll("/$", "");
    }

    private static Device folder(Path dataDir, DeviceModel model, Scheduler scheduler) {
        return Device.inFolder(DeviceFolder.locate(dataDir, model, Optional.empty(), new Random(5)),
                ParameterCatalog.builtIn(), scheduler);
    }

    private static ServedDevice serve(Device device, DeviceWeb.Addresses addresses) throws Exception {
        WebServer web = DeviceWeb.server(device, addresses);
        web.start();
        return new ServedDevice(device, web);
    }

    @Override
    public void close() {
        web.close();
    }
}
