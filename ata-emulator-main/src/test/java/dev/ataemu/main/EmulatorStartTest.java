package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-process runs of the emulator, through its command line and its web server. */
class EmulatorStartTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("HW-02 an HT813 started from the command line shows an FXS and an FXO port")
    void anHt813StartsAndShowsAnFxsAndAnFxoPort() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString())) {
            String startLine = emulator.awaitStartLine();
            assertThat(startLine).startsWith("HT813 00:0B:82:").contains(" web http://127.0.0.1:")
                    .contains("SIP 5060 (FXS), 5062 (FXO)");

            JsonNode state = new ObjectMapper().readTree(emulator.get("/api/emulator/state", "admin").body());
            assertThat(state.get("model").asText()).isEqualTo("HT813");
            assertThat(state.get("power").asText()).isEqualTo("ready");
            assertThat(state.get("ports").findValuesAsText("type")).containsExactly("FXS", "FXO");

            List<String> output = emulator.terminate();
            assertThat(output).last().asString().endsWith(" stopped");
        }
    }

    @Test
    @DisplayName("CALL-01 the console on standard input drives the handset of a running emulator")
    void theConsoleDrivesTheHandset() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString())) {
            emulator.awaitStartLine();
            emulator.type("offhook 1");
            emulator.awaitOutput("port 1 off hook");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !new ObjectMapper().readTree(
                    emulator.get("/api/emulator/state", "admin").body()).get("ports").get(0).get("hook").asText().equals("off")) {
                Thread.sleep(20);
            }
            emulator.type("status");
            assertThat(emulator.awaitOutput("port 1 FXS:")).contains("Off Hook", "dial tone");
            JsonNode handset = new ObjectMapper().readTree(emulator.get("/api/emulator/ports/1/handset", "admin").body());
            assertThat(handset.get("hook").asText()).isEqualTo("off");
            emulator.terminate();
        }
    }

    @Test
    @DisplayName("--audio on a host without a sound device says so and runs on")
    void audioWithoutASoundDevice() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString(), "--audio")) {
            JsonNode state = new ObjectMapper().readTree(emulator.get("/api/emulator/state", "admin").body());
            assertThat(state.get("power").asText()).isEqualTo("ready");
            boolean hostHasSpeakers = javax.sound.sampled.AudioSystem.isLineSupported(new javax.sound.sampled.DataLine.Info(
                    javax.sound.sampled.SourceDataLine.class, new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false)));
            if (!hostHasSpeakers) {
                assertThat(emulator.errors()).contains("ata-emulator: --audio: no sound output device");
            }
            emulator.terminate();
        }
    }

    @Test
    @DisplayName("BOOT-01 --boot-time sets how long each boot takes: an HT813 powered off and on through the emulator "
            + "API is still booting well into its 3 s boot, then ready")
    void bootTimeSetsHowLongABootTakes() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString(), "--boot-time", "3000")) {
            assertThat(power(emulator)).isEqualTo("ready");
            emulator.post("/api/emulator/power", "{\"state\":\"off\"}", "admin");
            assertThat(Await.until(java.time.Duration.ofSeconds(10), () -> power(emulator).equals("off"))).as("powered off").isTrue();
            emulator.post("/api/emulator/power", "{\"state\":\"on\"}", "admin");
            assertThat(Await.until(java.time.Duration.ofSeconds(10), () -> power(emulator).equals("booting"))).as("booting").isTrue();
            Thread.sleep(1800);
            assertThat(power(emulator)).as("1.8 s into a 3 s boot (the model's own boot is 1.5 s)").isEqualTo("booting");
            assertThat(Await.until(java.time.Duration.ofSeconds(10), () -> power(emulator).equals("ready"))).as("ready after the boot").isTrue();
            emulator.terminate();
        }
    }

    private static String power(EmulatorProcess emulator) {
        try {
            return new ObjectMapper().readTree(emulator.get("/api/emulator/state", "admin").body()).get("power").asText();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    @Test
    @DisplayName("HW-01 an HT502 started from the command line shows two FXS ports")
    void anHt502ShowsTwoFxsPorts() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "ht502", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString())) {
            JsonNode state = new ObjectMapper().readTree(emulator.get("/api/emulator/state", "admin").body());
            assertThat(state.get("model").asText()).isEqualTo("HT502");
            assertThat(state.get("ports").findValuesAsText("type")).containsExactly("FXS", "FXS");
            emulator.terminate();
        }
    }

    @Test
    @DisplayName("MGMT-03 a --set value and the generated MAC survive a restart")
    void aSetValueAndTheGeneratedMacSurviveARestart() throws Exception {
        String firstMac;
        try (EmulatorProcess first = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString(), "--set", "P3=Alice", "--set", "P2=s3cret")) {
            firstMac = new ObjectMapper().readTree(first.get("/api/emulator/state", "s3cret").body()).get("mac").asText();
            first.terminate();
        }
        try (EmulatorProcess second = EmulatorProcess.start("--model", "HT813", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString())) {
            assertThat(second.get("/api/emulator/state", "admin").statusCode()).as("P2 kept").isEqualTo(401);
            JsonNode state = new ObjectMapper().readTree(second.get("/api/emulator/state", "s3cret").body());
            assertThat(state.get("mac").asText()).isEqualTo(firstMac);
            second.terminate();
        }
        assertThat(dataDir.resolve(firstMac).resolve("config.txt")).content()
                .contains("P3 = Alice\n").contains("P2 = s3cret\n");
        try (Stream<Path> folders = Files.list(dataDir)) {
            assertThat(folders).hasSize(1);
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Test
    @DisplayName("WEB-21 WEB-23 a new HTTP Web Port (P901) saved on the web page takes effect at the next boot: "
            + "the pages move there")
    void webPortMovesAfterReboot() throws Exception {
        int first = freePort();
        int second = freePort();
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--set", "P901=" + first,
                "--bind", "127.0.0.1", "--data-dir", dataDir.toString())) {
            assertThat(emulator.awaitStartLine()).contains(" web http://127.0.0.1:" + first + "/");
            java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager()).build();
            java.net.URI pages = java.net.URI.create("http://127.0.0.1:" + first + "/");
            post(browser, pages.resolve("/cgi-bin/dologin"), "P2=admin&Login=Login&gnkey=0b82");
            assertThat(post(browser, pages.resolve("/cgi-bin/update"), "P901=" + second + "&gnkey=0b82&update=Update"))
                    .contains("saved");
            post(browser, pages.resolve("/cgi-bin/rs"), "gnkey=0b82");

            assertThat(emulator.awaitOutput(" web now ")).contains("http://127.0.0.1:" + second + "/");
            java.net.http.HttpResponse<String> moved = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + second + "/cgi-bin/login"))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(moved.statusCode()).isEqualTo(200);
            emulator.terminate();
        }
    }

    private static String post(java.net.http.HttpClient browser, java.net.URI uri, String form) throws Exception {
        return browser.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
