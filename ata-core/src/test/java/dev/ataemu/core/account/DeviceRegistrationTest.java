package dev.ataemu.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ParameterCatalog;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceFolder;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.RegistrationState;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.testing.SippRegistrar;
import dev.ataemu.time.RealTimeScheduler;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole device registering its FXS account from its P-values, seen on its status and its LED. */
class DeviceRegistrationTest {

    @TempDir
    Path work;

    @Test
    @DisplayName("BOOT-13 HW-21 an HT813 registers its FXS account at boot; the status says Registered and the FXS LED lights")
    void registersAtBootAndLightsTheLed() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        int sipPort;
        try (DatagramSocket probe = new DatagramSocket(0, loopback)) {
            sipPort = probe.getLocalPort();
        }
        try (SippRegistrar registrar = SippRegistrar.start(work, "1001", "s3cret");
             RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            Device device = poweredOn(scheduler, registrar, sipPort);
            awaitRegistered(device);

            assertThat(device.status().ports().get(0).registration()).as(registrar::output)
                    .isEqualTo(RegistrationState.REGISTERED);
            assertThat(device.led("FXS").state()).isEqualTo(LedState.ON);
            assertThat(device.led("FXO").state()).as("the FXO account is inactive (P401 = 0)").isEqualTo(LedState.OFF);
            device.powerOff();
            Thread.sleep(200);
        }
    }

    @Test
    @DisplayName("BOOT-13 an account whose SIP port is still held when the device is ready (a quick power cycle, the "
            + "last boot's stack still closing) is tried again and registers once the port is free")
    void registersOnceItsPortIsFree() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (SippRegistrar registrar = SippRegistrar.start(work, "1001", "s3cret");
             RealTimeScheduler scheduler = new RealTimeScheduler("device-test")) {
            Device device;
            try (DatagramSocket held = new DatagramSocket(0, loopback)) {
                device = poweredOn(scheduler, registrar, held.getLocalPort());
                // Past the 1.5 s boot: the account has found its port taken at least once.
                Thread.sleep(2500);
                assertThat(device.status().ports().get(0).registration()).isNotEqualTo(RegistrationState.REGISTERED);
            }
            awaitRegistered(device);
            assertThat(device.status().ports().get(0).registration()).as(registrar::output)
                    .isEqualTo(RegistrationState.REGISTERED);
            device.powerOff();
            Thread.sleep(200);
        }
    }

    private Device poweredOn(RealTimeScheduler scheduler, SippRegistrar registrar, int sipPort) {
        Device device = Device.inFolder(DeviceFolder.locate(work.resolve("data"), DeviceModels.HT813,
                Optional.empty(), new Random(1)), ParameterCatalog.builtIn(), scheduler);
        device.store().apply(Map.of("P47", "127.0.0.1:" + registrar.port(), "P35", "1001", "P34", "s3cret",
                "P40", Integer.toString(sipPort), "P401", "0"));
        device.network(InetAddress.getLoopbackAddress());
        device.powerOn();
        return device;
    }

    private static void awaitRegistered(Device device) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (device.status().ports().get(0).registration() != RegistrationState.REGISTERED
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(100);
    }
}
