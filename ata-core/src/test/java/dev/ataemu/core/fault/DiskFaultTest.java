package dev.ataemu.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ataemu.core.config.ParameterStore;
import dev.ataemu.core.config.ResetType;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.hal.led.LedState;
import dev.ataemu.testing.http.HttpFileServer;
import dev.ataemu.time.VirtualScheduler;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that is full, or that fails, while the device saves: its settings (from any front-end, a
 * reset, provisioning) and a firmware upgrade. Each save is refused with a clear error, nothing
 * changes, and the device started again from its folder has the values stored before.
 */
class DiskFaultTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Longer than an image takes to write. */
    private static final Duration FLASHING = Duration.ofSeconds(11);

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final DiskFaults disk = new DiskFaults();
    private int refused;

    @BeforeEach
    void needsADeviceThatIsAlwaysFull() {
        assumeTrue(DiskFaults.available(), "needs /dev/full (Linux)");
    }

    @Test
    @DisplayName("MGMT-03 WEB-14 RST-09 a full disk or an I/O error refuses a change, a saved change and a reset with a "
            + "clear error; nothing changes in memory or on disk and the device restarts with its stored values")
    void refusedSavesChangeNothing() throws Exception {
        Device device = VirtualTime.booted(VirtualTime.unpowered(dataDir, DeviceModels.HT502, scheduler,
                Map.of("P3", "Front Desk", "P47", "pbx.example.com")), scheduler);
        ParameterStore store = device.store();
        Path file = dataDir.resolve(device.mac().compact()).resolve("config.txt");
        byte[] before = Files.readAllBytes(file);
        AtomicInteger heard = new AtomicInteger();
        store.onChange(changes -> heard.incrementAndGet());

        for (Fault fault : List.of(new Fault(disk::full, "No space left on device"),
                new Fault(disk::broken, "Is a directory"))) {
            fault.inject().accept(file);
            refusedWith(() -> store.apply(Map.of("P3", "Changed", "P47", "other.example.com")), file, fault);
            fault.inject().accept(file);
            refusedWith(() -> store.save(Map.of("P3", "Saved For Reboot")), file, fault);
            fault.inject().accept(file);
            refusedWith(() -> store.reset(ResetType.FULL), file, fault);

            assertThat(store.get(3)).isEqualTo("Front Desk");
            assertThat(store.saved(3)).isEqualTo("Front Desk");
            assertThat(store.get(47)).isEqualTo("pbx.example.com");
            assertThat(store.changesWaiting()).as("a refused save leaves nothing waiting for the reboot").isFalse();
            assertThat(heard).as("nothing was announced").hasValue(0);
            assertThat(Files.readAllBytes(file)).as("the stored file").isEqualTo(before);
            assertThat(DiskFaults.leftovers(file)).as("no partial temporary file takes up the space").isFalse();
        }
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(device.power()).isEqualTo(PowerState.READY);

        device.powerOff();
        scheduler.runPending();
        VirtualScheduler again = new VirtualScheduler();
        Device restarted = VirtualTime.booted(VirtualTime.unpowered(dataDir, DeviceModels.HT502, again, Map.of()), again);
        assertThat(restarted.store().get(3)).isEqualTo("Front Desk");
        assertThat(restarted.store().get(47)).isEqualTo("pbx.example.com");
        restarted.store().apply(Map.of("P3", "Room Again"));
        assertThat(restarted.store().get(3)).as("with room on the disk, saving works again").isEqualTo("Room Again");
        System.out.printf("disk faults: %d injected into settings saves, %d refused with a clear error, 0 values lost%n",
                disk.injected(), refused);
        assertThat(refused).isEqualTo(disk.injected());
    }

    /** A way to make the disk fail, and what the kernel says when it does. */
    private record Fault(Consumer<Path> inject, String error) {
    }

    private void refusedWith(Runnable save, Path file, Fault fault) {
        assertThatThrownBy(save::run).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot write " + file).hasMessageContaining("the change was not made")
                .hasMessageContaining(fault.error());
        refused++;
    }

    @Test
    @DisplayName("PROV-22 PROV-31 PROV-11 a config file that arrives while the disk is full is refused with the reason "
            + "on the status page; nothing changes; the next scheduled check, with room again, applies it")
    void provisioningOnAFullDisk() throws Exception {
        try (HttpFileServer server = new HttpFileServer()) {
            Device device = VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P212", "1",
                    "P237", server.path("prov"), "P22296", "1", "P193", "30", "P3", "Kept"));
            String mac = device.mac().compact();
            server.put("/prov/cfg" + mac + ".xml", "<?xml version=\"1.0\"?><gs_provision version=\"1\"><mac>" + mac
                    + "</mac><config version=\"1\"><P3>From Server</P3></config></gs_provision>");
            Path file = dataDir.resolve(mac).resolve("config.txt");
            disk.full(file);
            VirtualTime.booted(device, scheduler);
            VirtualTime.settle(scheduler, LIMIT, () -> !device.provisioning().running());

            assertThat(device.provisioning().last()).contains("refused", "No space left on device");
            assertThat(device.store().get(3)).isEqualTo("Kept");
            assertThat(device.power()).isEqualTo(PowerState.READY);

            disk.clear(file);
            scheduler.advance(Duration.ofMinutes(30));
            VirtualTime.settle(scheduler, LIMIT, () -> device.store().get(3).equals("From Server"));
            assertThat(device.store().get(3)).isEqualTo("From Server");
            assertThat(device.provisioning().last()).contains("applied");
        }
    }

    @Test
    @DisplayName("PROV-21 PROV-22 PROV-31 a firmware image that cannot be written on a full disk: the status says why, "
            + "the device runs on with its old firmware and LEDs, and the next scheduled check, with room, upgrades it")
    void firmwareOnAFullDisk() throws Exception {
        try (HttpFileServer server = new HttpFileServer()) {
            Device device = VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P212", "1",
                    "P237", server.path("prov"), "P192", server.path("fw"), "P22296", "1", "P193", "30"));
            server.files.put("/fw/ht813fw.bin", new FirmwareImage("HT813", Map.of("Program", "1.0.9.9", "Core", "1.0.9.9"),
                    new byte[2048]).encode());
            Path file = dataDir.resolve(device.mac().compact()).resolve("firmware.properties");
            disk.full(file);
            VirtualTime.booted(device, scheduler);
            VirtualTime.settle(scheduler, LIMIT, () -> device.provisioning().last().contains("upgrading firmware"));
            scheduler.advance(FLASHING);

            assertThat(device.provisioning().last()).contains("upgrading firmware to 1.0.9.9", "could not be written",
                    "No space left on device");
            assertThat(device.provisioning().running()).isFalse();
            assertThat(device.power()).isEqualTo(PowerState.READY);
            assertThat(device.firmware()).containsEntry("Program", "1.0.9.1");
            assertThat(device.led("POWER").state()).as("the LEDs no longer show an upgrade").isEqualTo(LedState.ON);
            assertThat(DiskFaults.leftovers(file)).isFalse();

            device.powerOff();
            scheduler.runPending();
            VirtualScheduler again = new VirtualScheduler();
            Device restarted = VirtualTime.unpowered(dataDir, DeviceModels.HT813, again, Map.of());
            assertThat(restarted.firmware()).as("after a restart").containsEntry("Program", "1.0.9.1");
            VirtualTime.booted(restarted, again);
            VirtualTime.settle(again, LIMIT, () -> restarted.provisioning().last().contains("upgrading firmware"));
            again.advance(FLASHING.plusSeconds(2));
            assertThat(restarted.firmware()).as("with room on the disk").containsEntry("Program", "1.0.9.9");
            System.out.printf("disk faults: 1 injected into a firmware upgrade, the device ran on with 1.0.9.1%n");
        }
    }

    @Test
    @DisplayName("BOOT-18 PROV-24 a power cut while the image is written keeps the old firmware, and the device stays off")
    void powerCutWhileFlashing() {
        Device device = VirtualTime.booted(VirtualTime.unpowered(dataDir, DeviceModels.HT502, scheduler, Map.of()), scheduler);
        device.upgrade(new FirmwareImage("HT502", Map.of("Program", "1.0.16.9", "Boot", "1.0.0.19"), new byte[1024]));
        scheduler.advance(Duration.ofSeconds(5));
        device.powerOff();
        scheduler.advance(Duration.ofSeconds(60));

        assertThat(device.power()).as("nothing switches it back on").isEqualTo(PowerState.OFF);
        assertThat(device.firmware()).containsEntry("Program", "1.0.16.2");
        device.powerOn();
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(device.power()).isEqualTo(PowerState.READY);
        assertThat(device.firmware()).containsEntry("Program", "1.0.16.2");
    }
}
