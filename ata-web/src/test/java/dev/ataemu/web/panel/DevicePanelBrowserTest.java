package dev.ataemu.web.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.testing.browser.Chromium;
import dev.ataemu.time.RealTimeScheduler;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.server.WebServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The device panel at /emulator in Debian's headless Chromium, on a device running in real time:
 * the handset goes off hook and dials, the port LED follows, the HT813's PSTN line
 * rings the phone through. Screenshots go to docs/screenshots.
 */
class DevicePanelBrowserTest {

    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @TempDir
    Path dataDir;

    private RealTimeScheduler scheduler;
    private Device device;
    private WebServer web;
    private Chromium browser;

    private String serve(DeviceModel model) throws Exception {
        scheduler = new RealTimeScheduler("panel-test");
        ServedDevice served = ServedDevice.startReal(dataDir, model, scheduler);
        device = served.device;
        web = served.web;
        browser = Chromium.start();
        String base = served.base();
        browser.open(base + "/cgi-bin/login");
        if (model == DeviceModels.HT813) {
            browser.choose("username", "admin");
        }
        browser.type("P2", "admin");
        browser.navigate(By.name("Login"));
        browser.open(base + "/emulator");
        browser.await(driver -> driver.findElement(By.id("connection")).getText().equals("live"));
        // The front is drawn from the device's state, which may come just after the socket is live.
        browser.await(driver -> !driver.findElements(By.cssSelector("[id^=led-]")).isEmpty());
        return base;
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
        if (device != null) {
            device.powerOff();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private String text(String id) {
        return browser.find(By.id(id)).getText();
    }

    @Test
    @DisplayName("HW-10 the panel lifts the HT502's handset, dials on its keypad and shows the line and the PHONE1 LED "
            + "follow; hanging up puts both back")
    void offHookAndDial() throws Exception {
        serve(DeviceModels.HT502);
        String before = browser.find(By.id("led-PHONE1")).getDomAttribute("data-state");
        browser.click(By.id("hook-1"));
        browser.await(driver -> text("line-1").equals("dial_tone"));
        browser.await(driver -> !before.equals(driver.findElement(By.id("led-PHONE1")).getDomAttribute("data-state")));
        for (String key : new String[] {"1", "2", "3"}) {
            browser.click(By.id("key-1-" + key));
            Thread.sleep(300);
        }
        browser.await(driver -> text("dialed-1").equals("123"));
        assertThat(device.fxsLine(1).dialed()).isEqualTo("123");
        browser.screenshot(SCREENSHOTS.resolve("emulator-panel-ht502.png"));

        browser.click(By.id("hook-1"));
        browser.await(driver -> text("line-1").equals("idle"));
        browser.await(driver -> before.equals(driver.findElement(By.id("led-PHONE1")).getDomAttribute("data-state")));
    }

    @Test
    @DisplayName("FXO-03 the panel rings the HT813's PSTN line with a caller ID; the phone rings through and "
            + "shows it")
    void pstnRingsThrough() throws Exception {
        serve(DeviceModels.HT813);
        browser.type("pstn-number", "6265551234");
        browser.type("pstn-name", "ALICE");
        browser.click(By.id("pstn-ring"));
        browser.await(driver -> text("pstn-state").equals("ringing"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(driver -> text("ring-1").equals("RINGING"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(driver -> text("display-1").contains("6265551234"));
        browser.screenshot(SCREENSHOTS.resolve("emulator-panel-ht813.png"));
        browser.click(By.id("pstn-hangup"));
        browser.await(driver -> text("pstn-state").equals("idle"));
    }

    @Test
    @DisplayName("HW-32 the panel plays the call audio in the browser: with audio on and the handset lifted, the dial "
            + "tone's frames arrive over the audio socket, and the browser's microphone goes back to the mouthpiece")
    void callAudioInTheBrowser() throws Exception {
        serve(DeviceModels.HT502);
        browser.click(By.id("audio-1"));
        browser.click(By.id("hook-1"));
        browser.await(driver -> Integer.parseInt(java.util.Objects.requireNonNullElse(
                driver.findElement(By.id("audio-state-1")).getDomAttribute("data-heard"), "0")) > 20);
        double level = Double.parseDouble(browser.find(By.id("audio-state-1")).getDomAttribute("data-level"));
        browser.await(driver -> Integer.parseInt(java.util.Objects.requireNonNullElse(
                driver.findElement(By.id("audio-state-1")).getDomAttribute("data-sent"), "0")) > 10);
        System.out.printf("panel audio: %s%n", text("audio-state-1"));
        assertThat(level).as("dial tone, not silence").isGreaterThan(-40);
        browser.click(By.id("hook-1"));
        browser.click(By.id("audio-1"));
    }
}
