package dev.ataemu.core.fault;

import static dev.ataemu.core.fault.HostileHttpServer.endless;
import static dev.ataemu.core.fault.HostileHttpServer.file;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.config.ConfigBinary;
import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.core.device.PowerState;
import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.time.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Provisioning servers that send garbage, too much, or stop sending: every pass ends with its
 * reason on the status page, no P-value and no firmware version changes, and the device runs on.
 */
class ProvisioningFaultTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final byte[] HTML_ERROR = ("<!DOCTYPE html>\n<html><head><title>Error</title></head><body>"
            + "<h1>Something went wrong</h1><p>Please try again later.</p></body></html>\n").getBytes(StandardCharsets.UTF_8);
    private static final int HUGE = 40 * 1024 * 1024;

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final Random random = new Random(20261123);
    private HostileHttpServer server;
    private Device device;
    private String mac;
    private int injected;

    @BeforeEach
    void startServerAndDevice() throws Exception {
        server = new HostileHttpServer();
        device = VirtualTime.unpowered(dataDir, DeviceModels.HT813, scheduler, Map.of("P212", "1",
                "P237", server.path("prov"), "P3", "Kept", "P47", "pbx.example.com"));
        mac = device.mac().compact();
        VirtualTime.booted(device, scheduler);
        VirtualTime.settle(scheduler, LIMIT, () -> !device.provisioning().running());
    }

    @AfterEach
    void stopServer() {
        server.close();
        System.out.printf("provisioning faults injected: %d; every pass ended with its reason, 0 values changed%n", injected);
    }

    /** What one path of the server does, and what the status must then say. */
    private record Fault(String what, String path, HostileHttpServer.Answer answer, String reason) {
    }

    @Test
    @DisplayName("PROV-22 PROV-31 SEC-06 config files that are random bytes, a cut binary file, text without settings, an "
            + "HTML error page (200 and 500), 40 MB, or endless: each pass ends with a short reason, nothing changes, the "
            + "device runs on")
    void garbageConfigFiles() throws Exception {
        byte[] binary = ConfigBinary.encode(mac, Map.of("P3", "Changed", "P47", "evil.example.com"));
        String file = "/prov/cfg" + mac;
        List<Fault> faults = List.of(
                new Fault("random bytes", file, file(200, "application/octet-stream", randomBytes(64 * 1024)),
                        "binary data, not a text, XML or binary config file"),
                new Fault("a cut binary file", file, file(200, "application/octet-stream",
                        Arrays.copyOf(binary, binary.length / 2)), "binary data, not a text, XML or binary config file"),
                new Fault("1000 lines of text that are no settings", file, file(200, "text/plain",
                        "no settings here\n".repeat(1000).getBytes(StandardCharsets.US_ASCII)), "and 997 more unreadable lines"),
                new Fault("an HTML error page", file + ".xml", file(200, "text/html", HTML_ERROR), "not a readable XML config"),
                new Fault("an HTML error page with 500", file + ".xml", file(500, "text/html", HTML_ERROR), "answered 500"),
                new Fault("40 MB", file, file(200, "application/octet-stream", new byte[HUGE]), "larger than 33554432 bytes"),
                new Fault("an endless stream", file, endless(), "larger than 33554432 bytes"));
        Map<Integer, String> before = device.store().snapshot();

        for (Fault fault : faults) {
            server.forgetAnswers();
            server.answer(fault.path(), fault.answer());
            String status = pass();
            System.out.println("provisioning fault, " + fault.what() + ": " + status);
            assertThat(status).as(fault.what()).contains(fault.reason()).hasSizeLessThan(600);
            assertThat(device.store().snapshot()).as(fault.what()).isEqualTo(before);
            assertThat(device.power()).isEqualTo(PowerState.READY);
        }
        assertThat(VirtualTime.await(scheduler, LIMIT, () -> server.hungUp() == 1))
                .as("the device hung up on the endless stream").isTrue();
    }

    @Test
    @DisplayName("PROV-21 PROV-22 firmware images that are random bytes, cut short, an HTML page or 40 MB are refused "
            + "with the reason; the running version and every P-value stay")
    void garbageFirmware() throws Exception {
        device.store().apply(Map.of("P192", server.path("fw")));
        byte[] image = new FirmwareImage("HT813", Map.of("Program", "1.0.9.9"), randomBytes(4096)).encode();
        String file = "/fw/ht813fw.bin";
        List<Fault> faults = List.of(
                new Fault("random bytes", file, file(200, "application/octet-stream", randomBytes(64 * 1024)),
                        "firmware image refused: not an emulator firmware image"),
                new Fault("cut short", file, file(200, "application/octet-stream", Arrays.copyOf(image, image.length - 100)),
                        "firmware image refused: the image is damaged"),
                new Fault("an HTML page", file, file(200, "text/html", HTML_ERROR),
                        "firmware image refused: not an emulator firmware image"),
                new Fault("40 MB", file, file(200, "application/octet-stream", new byte[HUGE]), "larger than 33554432 bytes"));
        Map<Integer, String> before = device.store().snapshot();

        for (Fault fault : faults) {
            server.forgetAnswers();
            server.answer(fault.path(), fault.answer());
            String status = pass();
            System.out.println("firmware fault, " + fault.what() + ": " + status);
            scheduler.advance(Duration.ofSeconds(15));
            assertThat(status).as(fault.what()).contains(fault.reason());
            assertThat(device.firmware()).containsEntry("Program", "1.0.9.1");
            assertThat(device.store().snapshot()).isEqualTo(before);
            assertThat(device.power()).isEqualTo(PowerState.READY);
        }
    }

    @Test
    @DisplayName("PROV-22 PROV-31 a server that stops sending in the middle of a file: the device hangs up after 20 s "
            + "of silence, the pass ends with the reason and nothing changes")
    void stallingServer() throws Exception {
        server.answer("/prov/cfg" + mac + ".xml", HostileHttpServer.stallAfterStart());
        Map<Integer, String> before = device.store().snapshot();
        String status = pass();
        System.out.println("provisioning fault, a stall: " + status);
        server.releaseStalled();
        assertThat(VirtualTime.await(scheduler, LIMIT, () -> server.hungUp() == 1)).as("the device hung up").isTrue();
        assertThat(status).contains("stopped sending for 20 s");
        assertThat(device.store().snapshot()).isEqualTo(before);
        assertThat(device.power()).isEqualTo(PowerState.READY);
    }

    /** Reboots the device and waits for its provisioning pass to end; returns the status it left. */
    private String pass() throws InterruptedException {
        injected++;
        device.reboot();
        scheduler.advance(device.model().bootTime().plus(Duration.ofMillis(100)));
        assertThat(device.provisioning().running()).isTrue();
        VirtualTime.settle(scheduler, LIMIT, () -> !device.provisioning().running());
        assertThat(device.provisioning().running()).as("the pass ended").isFalse();
        return device.provisioning().last();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
