package dev.ataemu.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.media.audio.Wav;
import dev.ataemu.testing.browser.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The voice menu whole process, as a user meets it: the emulator started from the command line,
 * its device panel in Debian's Chromium lifts the handset and dials {@code ***}, the menu speaks
 * into the earpiece, option 01 and {@code 9} switch the device to static IP, and the BASIC
 * SETTINGS page shows the change.
 */
class VoiceMenuJourneyTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @TempDir
    Path work;

    private static void press(Chromium browser, String keys) throws InterruptedException {
        for (char key : keys.toCharArray()) {
            browser.click(By.id("key-1-" + (key == '*' ? "star" : key == '#' ? "hash" : String.valueOf(key))));
            Thread.sleep(400);
        }
    }

    private static double speechDbfs(byte[] wav) {
        short[] samples = Wav.decode(wav);
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return 20 * Math.log10(Math.max(1e-9, Math.sqrt(sum / Math.max(1, samples.length)) / 32768.0));
    }

    @Test
    @DisplayName("IVR-01 IVR-03 IVR-11 WEB-01 HW-10 JOURNEY-2 the device panel dials *** on an HT502: the menu speaks, "
            + "option 01 and 9 set static IP mode, and BASIC SETTINGS shows it")
    void panelReachesTheVoiceMenu() throws Exception {
        try (EmulatorProcess emulator = EmulatorProcess.start("--model", "HT502", "--http-port", "0",
                "--bind", "127.0.0.1", "--data-dir", work.resolve("data").toString());
             Chromium browser = Chromium.start()) {
            URI web = emulator.webUri();
            browser.open(web.resolve("/cgi-bin/login").toString());
            browser.type("P2", "admin");
            browser.navigate(By.name("Login"));
            browser.open(web.resolve("/emulator").toString());
            browser.await(driver -> driver.findElement(By.id("connection")).getText().equals("live"));
            // The panel draws the front from the device's state, which may come just after the socket is live.
            browser.await(driver -> !driver.findElements(By.id("led-PHONE1")).isEmpty());
            String ledBefore = browser.find(By.id("led-PHONE1")).getDomAttribute("data-state");

            browser.click(By.id("hook-1"));
            browser.await(driver -> driver.findElement(By.id("line-1")).getText().equals("dial_tone"));
            press(browser, "***");
            browser.await(driver -> driver.findElement(By.id("line-1")).getText().equals("voice_menu"));
            assertThat(browser.find(By.id("led-PHONE1")).getDomAttribute("data-state")).isNotEqualTo(ledBefore);
            Thread.sleep(1000);
            byte[] heard = earpiece(web, 1500);
            assertThat(speechDbfs(heard)).as("\"Enter a menu option\" in the earpiece").isGreaterThan(-35);
            browser.screenshot(SCREENSHOTS.resolve("emulator-panel-voice-menu.png"));

            press(browser, "01");
            Thread.sleep(1500);
            press(browser, "9");
            Thread.sleep(500);
            browser.await(driver -> {
                browser.open(web.resolve("/cgi-bin/config2").toString());
                return ipMode(browser).equals("1");
            });
            assertThat(ipMode(browser)).as("BASIC SETTINGS, IP mode").isEqualTo("1");
            emulator.terminate();
        }
    }

    private static String ipMode(Chromium browser) {
        return new Select(browser.find(By.name("P8"))).getFirstSelectedOption().getDomAttribute("value");
    }

    private static byte[] earpiece(URI web, int lastMs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(web.resolve("/api/emulator/ports/1/earpiece?lastMs=" + lastMs))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
