package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.firmware.FirmwareImage;
import dev.ataemu.testing.http.HttpFileServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning developer's journey (JOURNEYS.md 2), whole process: the emulator pointed at a
 * provisioning server from the command line asks for its files there, the settings arrive on the
 * web pages, a file for another MAC is refused with the reason on the status page, and a firmware
 * image published on the server is flashed: the status page shows the new version.
 */
class ProvisioningJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String MAC = "000b82a1b2c4";

    @TempDir
    Path work;

    private static String xml(String mac, String entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gs_provision version=\"1\">\n<mac>" + mac + "</mac>\n"
                + "<config version=\"1\">\n" + entries + "\n</config>\n</gs_provision>\n";
    }

    @Test
    @DisplayName("PROV-15 PROV-21 PROV-31 WEB-37 JOURNEY-2 an HT813 started with --set P237 and P212 provisions "
            + "itself from an HTTP server, refuses another device's file with the reason on its status page, and "
            + "upgrades to the firmware published there")
    void provisioningDeveloper() throws Exception {
        try (HttpFileServer server = new HttpFileServer()) {
            server.put("/gs/cfg" + MAC + ".xml", xml(MAC, "<P3>Provisioned</P3>\n<P35>4711</P35>"));
            try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--mac", MAC, "--http-port", "0",
                    "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString(),
                    "--set", "P237=" + server.path("gs"), "--set", "P212=1")) {
                PagesClient pages = new PagesClient(emulator.webUri());
                pages.loginHt813Admin();
                assertThat(Await.until(WAIT, () -> server.paths().contains("/gs/cfg" + MAC + ".xml"))).isTrue();
                assertThat(server.paths()).startsWith("/gs/cfg" + MAC, "/gs/cfg" + MAC + ".xml");
                assertThat(server.requests.get(0).userAgent()).startsWith("Grandstream Model HW HT813");
                assertThat(Await.until(WAIT, () -> page(pages, "/cgi-bin/config_a1").contains("value=\"4711\""))).isTrue();

                server.put("/gs/cfg" + MAC + ".xml", xml("000b82ffffff", "<P3>Not for us</P3>"));
                server.files.put("/fw/ht813fw.bin",
                        new FirmwareImage("HT813", Map.of("Program", "1.0.9.42"), new byte[1024]).encode());
                String fxs = pages.page("/cgi-bin/config");
                pages.post("/cgi-bin/update", Map.of("P192", server.path("fw"), "apply", "Apply",
                        "session_token", PagesClient.token(fxs)));
                String reboot = pages.page("/cgi-bin/index");
                pages.post("/cgi-bin/rs", Map.of("session_token", PagesClient.token(reboot)));

                assertThat(Await.until(WAIT, () -> statusPage(emulator).contains("Program -- 1.0.9.42"))).as(() -> statusPage(emulator))
                        .isTrue();
                assertThat(statusPage(emulator)).contains("refused", "000b82ffffff");
                PagesClient again = new PagesClient(emulator.webUri());
                again.loginHt813Admin();
                assertThat(again.page("/cgi-bin/config_a1")).as("the refused file changed nothing")
                        .contains("value=\"4711\"", "value=\"Provisioned\"");
                emulator.terminate();
            }
        }
    }

    private static String page(PagesClient pages, String path) {
        try {
            return pages.page(path);
        } catch (Exception e) {
            return "";
        }
    }

    /** The STATUS page, logged in afresh: a reboot ends the web session. */
    private static String statusPage(EmulatorProcess emulator) {
        try {
            PagesClient pages = new PagesClient(emulator.webUri());
            pages.loginHt813Admin();
            return pages.page("/cgi-bin/index");
        } catch (Exception e) {
            return "";
        }
    }
}
