package dev.ataemu.core.provision;

import static dev.ataemu.core.provision.ProvisionedDevices.booted;
import static dev.ataemu.core.provision.ProvisionedDevices.settle;
import static dev.ataemu.core.provision.ProvisionedDevices.unpowered;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ConfigBinary;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.testing.peers.Tftpd;
import dev.ataemu.time.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provisioning and firmware over TFTP from a real server, Debian's tftpd-hpa. */
class TftpProvisioningTest {

    @TempDir
    Path work;

    private final VirtualScheduler scheduler = new VirtualScheduler();

    @Test
    @DisplayName("PROV-05 PROV-14 PROV-29 an HT502 set to TFTP (P212) takes its binary cfg<mac> from tftpd-hpa's root")
    void ht502Config() throws Exception {
        try (Tftpd tftpd = Tftpd.start(work.resolve("tftpd"))) {
            Device device = unpowered(work.resolve("data"), DeviceModels.HT502, scheduler,
                    Map.of("P212", "0", "P237", "127.0.0.1:" + tftpd.port()));
            String mac = device.mac().compact();
            tftpd.put("cfg" + mac, ConfigBinary.encode(mac, Map.of("P3", "Over TFTP", "P35", "1001")));
            booted(device, scheduler);
            assertThat(device.store().get(3)).as(tftpd::logTail).isEqualTo("Over TFTP");
            assertThat(device.store().get(35)).isEqualTo("1001");
            assertThat(device.provisioning().last()).contains("cfg" + mac + " applied");
        }
    }

    @Test
    @DisplayName("PROV-21 PROV-01 an HT813 upgrades its firmware over TFTP from a folder of the server")
    void ht813Firmware() throws Exception {
        try (Tftpd tftpd = Tftpd.start(work.resolve("tftpd"))) {
            Device device = unpowered(work.resolve("data"), DeviceModels.HT813, scheduler,
                    Map.of("P212", "0", "P237", "127.0.0.1:" + tftpd.port() + "/ht813",
                            "P192", "127.0.0.1:" + tftpd.port() + "/firmware"));
            String mac = device.mac().compact();
            tftpd.put("ht813/cfg" + mac + ".xml", ("<gs_provision version=\"1\"><mac>" + mac + "</mac><config version=\"1\">"
                    + "<P3>Gateway</P3></config></gs_provision>").getBytes(StandardCharsets.UTF_8));
            tftpd.put("firmware/ht813fw.bin",
                    new FirmwareImage("HT813", Map.of("Program", "1.0.9.7"), new byte[4096]).encode());
            booted(device, scheduler);
            assertThat(device.store().get(3)).isEqualTo("Gateway");
            scheduler.advance(Duration.ofSeconds(20));
            settle(scheduler, () -> device.power() == PowerState.READY && !device.provisioning().running());
            assertThat(device.firmware()).as(tftpd::logTail).containsEntry("Program", "1.0.9.7");
        }
    }
}
