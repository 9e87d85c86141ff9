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
import dev.ataemu.testing.http.HttpFileServer;
import dev.ataemu.time.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration files from an HTTP server at boot and on schedule, on virtual time. */
class ProvisioningTest {

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private HttpFileServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new HttpFileServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static String xml(String mac, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gs_provision version=\"1\">\n"
                + (mac.isEmpty() ? "" : "<mac>" + mac + "</mac>\n") + "<config version=\"1\">\n" + entries + "\n</config>\n</gs_provision>\n";
    }

    private Device ht813(Map<String, String> more) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("P212", "1", "P237", server.path("prov")));
        settings.putAll(more);
        return unpowered(dataDir, DeviceModels.HT813, scheduler, settings);
    }

    @Test
    @DisplayName("PROV-15 PROV-16 PROV-31 an HT813 asks for cfg<mac> then cfg<mac>.xml at boot, with the firmware's "
            + "User-Agent, applies the XML file it gets and says so on its status")
    void ht813AtBoot() throws Exception {
        Device device = ht813(Map.of());
        String mac = device.mac().compact();
        server.put("/prov/cfg" + mac + ".xml", xml(mac, "<P3>Front Desk</P3>"));
        booted(device, scheduler);

        assertThat(server.paths()).containsExactly("/prov/cfg" + mac, "/prov/cfg" + mac + ".xml");
        assertThat(server.requests.get(0).userAgent())
                .isEqualTo("Grandstream Model HW HT813 V1.0A SW 1.0.9.1 DevId " + mac);
        assertThat(device.store().get(3)).isEqualTo("Front Desk");
        assertThat(device.provisioning().text()).isEqualTo("Not running, Last status : cfg" + mac
                + ".xml applied (1 changed)");
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    @DisplayName("PROV-15 without cfg<mac>.xml the HT813 takes the shared cfg.xml")
    void ht813Fallback() throws Exception {
        Device device = ht813(Map.of());
        server.put("/prov/cfg.xml", xml("", "<P3>Everyone</P3>"));
        booted(device, scheduler);
        assertThat(server.paths()).endsWith("/prov/cfg.xml");
        assertThat(device.store().get(3)).isEqualTo("Everyone");
    }

    @Test
    @DisplayName("PROV-14 PROV-08 an HT502 asks for cfg<mac>.xml then the binary cfg<mac>, with the config prefix and "
            + "postfix (P234, P235), and applies the binary file")
    void ht502BinaryWithAffixes() throws Exception {
        Device device = unpowered(dataDir, DeviceModels.HT502, scheduler,
                Map.of("P212", "1", "P237", server.path("gs"), "P234", "lab-", "P235", ".v2"));
        String mac = device.mac().compact();
        server.files.put("/gs/lab-cfg" + mac + ".v2", ConfigBinary.encode(mac, Map.of("P3", "Binary Desk", "P47",
                "pbx.example.net")));
        booted(device, scheduler);
        assertThat(server.paths()).containsExactly("/gs/lab-cfg" + mac + ".xml.v2", "/gs/lab-cfg" + mac + ".v2");
        assertThat(device.store().get(3)).isEqualTo("Binary Desk");
        assertThat(device.store().get(47)).isEqualTo("pbx.example.net");
    }

    @Test
    @DisplayName("PROV-22 SEC-06 a bad file changes nothing and is reported: another device's MAC, an invalid value, "
            + "broken XML")
    void badFilesChangeNothing() throws Exception {
        Device device = ht813(Map.of("P3", "Kept"));
        String mac = device.mac().compact();
        server.put("/prov/cfg" + mac + ".xml", xml("000b82ffffff", "<P3>Stolen</P3>"));
        booted(device, scheduler);
        assertThat(device.store().get(3)).isEqualTo("Kept");
        assertThat(device.provisioning().last()).contains("refused");

        server.put("/prov/cfg" + mac + ".xml", xml(mac, "<P3>Changed</P3><P85>99</P85>"));
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        assertThat(device.store().get(3)).isEqualTo("Kept");

        server.put("/prov/cfg" + mac + ".xml", "<gs_provision><config><P3>Half");
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        assertThat(device.store().get(3)).isEqualTo("Kept");
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    @DisplayName("PROV-03 a file that moves the config server is followed to the new one (\"Config server changed. "
            + "Redirecting\")")
    void redirect() throws Exception {
        Device device = ht813(Map.of());
        String mac = device.mac().compact();
        server.put("/prov/cfg" + mac + ".xml", xml(mac, "<P237>" + server.path("site2") + "</P237>"));
        server.put("/site2/cfg" + mac + ".xml", xml(mac, "<P3>Site Two</P3>"));
        booted(device, scheduler);
        assertThat(server.paths()).contains("/site2/cfg" + mac + ".xml");
        assertThat(device.store().get(3)).isEqualTo("Site Two");
    }

    @Test
    @DisplayName("PROV-07 with a user name and password (P1360, P1361) the device answers the server's 401 with them")
    void credentials() throws Exception {
        Device device = ht813(Map.of("P1360", "prov", "P1361", "s3cret"));
        String mac = device.mac().compact();
        server.requireCredentials("prov", "s3cret");
        server.put("/prov/cfg" + mac + ".xml", xml(mac, "<P3>Authenticated</P3>"));
        booted(device, scheduler);
        assertThat(device.store().get(3)).isEqualTo("Authenticated");
        assertThat(server.requests).anyMatch(request -> request.authorization() != null);
    }

    @Test
    @DisplayName("PROV-11 PROV-13 PROV-33 with \"Automatic Upgrade\" every P193 minutes (HT813 P22296) the device "
            + "checks again on schedule and applies what changed")
    void scheduledCheck() throws Exception {
        Device device = ht813(Map.of("P22296", "1", "P193", "30"));
        String mac = device.mac().compact();
        booted(device, scheduler);
        int atBoot = server.requests.size();
        server.put("/prov/cfg" + mac + ".xml", xml(mac, "<P3>Later</P3>"));
        scheduler.advance(Duration.ofMinutes(29));
        assertThat(server.requests).hasSize(atBoot);
        scheduler.advance(Duration.ofMinutes(1));
        settle(scheduler, () -> server.requests.size() > atBoot && !device.provisioning().running());
        assertThat(device.store().get(3)).isEqualTo("Later");
    }

    @Test
    @DisplayName("PROV-22 a server path that is no URL (an octet of 300) ends the pass with the reason; the device "
            + "runs on")
    void unusablePath() throws Exception {
        Device device = unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P212", "1", "P237", "192.168.1.300"));
        booted(device, scheduler);
        assertThat(device.provisioning().running()).isFalse();
        assertThat(device.provisioning().last()).contains("not a usable server path");
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    @Test
    @DisplayName("PROV-36 the factory paths name Grandstream's servers, which the emulator never contacts")
    void factoryServersAreSkipped() throws Exception {
        Device device = unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of());
        booted(device, scheduler);
        assertThat(device.provisioning().last()).contains("fm.grandstream.com", "does not contact");
        assertThat(server.requests).isEmpty();
    }

    @Test
    @DisplayName("PROV-21 BOOT-17 a newer image on the firmware server (P192) is flashed and run: the Program version "
            + "changes")
    void firmwareUpgrade() throws Exception {
        Device device = ht813(Map.of("P192", server.path("fw")));
        server.files.put("/fw/ht813fw.bin",
                new FirmwareImage("HT813", Map.of("Program", "1.0.9.9"), new byte[2048]).encode());
        booted(device, scheduler);
        assertThat(device.provisioning().last()).contains("upgrading firmware to 1.0.9.9");
        scheduler.advance(Duration.ofSeconds(20));
        settle(scheduler, () -> device.power() == PowerState.READY && !device.provisioning().running());
        assertThat(device.firmware()).containsEntry("Program", "1.0.9.9");
        assertThat(device.provisioning().last()).contains("1.0.9.9 is the one running");
    }

    @Test
    @DisplayName("PROV-22 a damaged image or one for the other model is refused, and the running version stays")
    void damagedFirmware() throws Exception {
        Device device = ht813(Map.of("P192", server.path("fw")));
        byte[] image = new FirmwareImage("HT813", Map.of("Program", "1.0.9.9"), new byte[2048]).encode();
        image[100] ^= 0x55;
        server.files.put("/fw/ht813fw.bin", image);
        booted(device, scheduler);
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(device.firmware()).containsEntry("Program", "1.0.9.1");
        assertThat(device.provisioning().last()).contains("firmware image refused");

        server.files.put("/fw/ht813fw.bin", new FirmwareImage("HT502", Map.of("Program", "1.0.16.9"), new byte[16]).encode());
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        assertThat(device.firmware()).containsEntry("Program", "1.0.9.1");
        assertThat(device.provisioning().last()).contains("for an HT502");
    }

    @Test
    @DisplayName("PROV-09 \"Always Skip the Firmware Check\" (P238) asks for no image; \"only when pre/suffix changes\" "
            + "asks again only after the firmware prefix (P232) changed")
    void firmwareCheckPolicy() throws Exception {
        Device device = ht813(Map.of("P192", server.path("fw"), "P238", "2"));
        booted(device, scheduler);
        assertThat(server.paths()).noneMatch(path -> path.startsWith("/fw/"));

        device.store().apply(Map.of("P238", "1"));
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        assertThat(server.paths().stream().filter(path -> path.startsWith("/fw/")).count()).isEqualTo(1);

        device.store().apply(Map.of("P232", "beta-"));
        device.reboot();
        scheduler.advance(Duration.ofSeconds(5));
        settle(scheduler, () -> !device.provisioning().running());
        assertThat(server.paths()).contains("/fw/beta-ht813fw.bin");
    }
}
