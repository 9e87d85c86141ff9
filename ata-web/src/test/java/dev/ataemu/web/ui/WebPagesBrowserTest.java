package dev.ataemu.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.Device;
import dev.ataemu.core.device.DeviceModel;
import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.testing.browser.Chromium;
import dev.ataemu.time.VirtualScheduler;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.server.WebServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The device's web pages in a real browser, Debian's headless Chromium: logging in at each level,
 * changing a setting on every page of both models, the reboot prompt, what a level may not do, and
 * the lock-out. Screenshots of the pages go to docs/screenshots.
 */
class WebPagesBrowserTest {

    /** The module runs its tests from its own folder; the project's docs are beside it. */
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @TempDir
    Path dataDir;

    private final VirtualScheduler scheduler = new VirtualScheduler();
    private WebServer web;
    private Device device;
    private Chromium browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (web != null) {
            web.close();
        }
    }

    private String serve(DeviceModel model) throws Exception {
        ServedDevice served = ServedDevice.start(dataDir.resolve(model.id()), model, scheduler);
        device = served.device;
        web = served.web;
        return served.base();
    }

    private void login(String base, String username, String password) {
        browser.open(base + "/cgi-bin/login");
        if (!username.isEmpty()) {
            browser.choose("username", username);
        }
        browser.type("P2", password);
        browser.navigate(By.name("Login"));
    }

    private String heading() {
        return browser.find(By.tagName("h2")).getText();
    }

    /** Opens a page by its tab, changes one text field and saves it with the button named {@code button}. */
    private void change(String tab, String field, String value, String button) {
        browser.navigate(By.linkText(tab));
        assertThat(heading()).isEqualTo(tab);
        browser.type(field, value);
        browser.navigate(By.name(button));
    }

    @Test
    @DisplayName("WEB-03 WEB-13 WEB-14 WEB-06 HT502 in Chromium: the admin changes and saves a setting on every page; "
            + "the end user sees only STATUS and BASIC SETTINGS and is asked for the admin password elsewhere")
    void ht502EveryPage() throws Exception {
        String base = serve(DeviceModels.HT502);
        login(base, "", "admin");
        assertThat(heading()).isEqualTo("BASIC SETTINGS");
        browser.screenshot(SCREENSHOTS.resolve("ht502-basic-settings.png"));

        Map<String, String[]> edits = Map.of(
                "BASIC SETTINGS", new String[] {"P20702", "192.168.9.9"},
                "ADVANCED SETTINGS", new String[] {"P234", "cfgpre"},
                "FXS PORT1", new String[] {"P3", "Front Desk"},
                "FXS PORT2", new String[] {"P703", "Back Office"});
        for (String tab : new String[] {"BASIC SETTINGS", "ADVANCED SETTINGS", "FXS PORT1", "FXS PORT2"}) {
            change(tab, edits.get(tab)[0], edits.get(tab)[1], "update");
            assertThat(browser.pageText()).contains("Your configuration changes have been saved");
            browser.open(base + "/cgi-bin/index");
        }
        assertThat(device.store().saved(20702)).isEqualTo("192.168.9.9");
        assertThat(device.store().saved(234)).isEqualTo("cfgpre");
        assertThat(device.store().saved(3)).isEqualTo("Front Desk");
        assertThat(device.store().saved(703)).isEqualTo("Back Office");
        assertThat(device.store().get(3)).as("an HT502 runs an update from the next reboot").isEmpty();
        browser.navigate(By.linkText("FXS PORT1"));
        assertThat(browser.find(By.name("P3")).getDomProperty("value")).isEqualTo("Front Desk");
        browser.screenshot(SCREENSHOTS.resolve("ht502-fxs-port1.png"));
        browser.navigate(By.linkText("STATUS"));
        assertThat(browser.pageText()).contains("Software Version:", "Program -- 1.0.16.2", "FXS1", "FXS2");
        browser.screenshot(SCREENSHOTS.resolve("ht502-status.png"));

        login(base, "", "123");
        assertThat(heading()).isEqualTo("BASIC SETTINGS");
        assertThat(browser.driver().findElements(By.linkText("ADVANCED SETTINGS"))).isEmpty();
        browser.open(base + "/cgi-bin/config");
        assertThat(browser.pageText()).contains("needs the administrator's password");
    }

    @Test
    @DisplayName("WEB-04 WEB-15 WEB-07 HT813 in Chromium: Update then Apply on every page, the reboot prompt for a "
            + "change that needs one; the viewer's pages are read only")
    void ht813EveryPage() throws Exception {
        String base = serve(DeviceModels.HT813);
        login(base, "admin", "admin");
        assertThat(heading()).isEqualTo("STATUS");
        assertThat(browser.pageText()).contains("Program -- 1.0.9.1", "Port Status", "Port Options");
        browser.screenshot(SCREENSHOTS.resolve("ht813-status.png"));

        change("BASIC SETTINGS", "P20702", "192.168.9.9", "update");
        assertThat(browser.pageText()).contains("Press Apply");
        assertThat(device.store().get(20702)).as("saved, not applied").isNotEqualTo("192.168.9.9");
        change("ADVANCED SETTINGS", "P234", "cfgpre", "apply");
        assertThat(browser.pageText()).contains("have been applied");
        browser.open(base + "/cgi-bin/index");
        change("FXS PORT", "P3", "Front Desk", "apply");
        browser.open(base + "/cgi-bin/index");
        change("FXO PORT", "P703", "PSTN Line", "apply");
        assertThat(device.store().get(20702)).isEqualTo("192.168.9.9");
        assertThat(device.store().get(234)).isEqualTo("cfgpre");
        assertThat(device.store().get(3)).isEqualTo("Front Desk");
        assertThat(device.store().get(703)).isEqualTo("PSTN Line");

        browser.open(base + "/cgi-bin/index");
        change("BASIC SETTINGS", "P901", "8080", "apply");
        assertThat(browser.pageText()).contains("need a reboot to take effect");
        assertThat(browser.driver().findElements(By.name("reboot"))).isNotEmpty();
        browser.screenshot(SCREENSHOTS.resolve("ht813-reboot-prompt.png"));

        login(base, "viewer", "viewer");
        browser.navigate(By.linkText("FXS PORT"));
        assertThat(browser.find(By.name("P3")).isEnabled()).isFalse();
        assertThat(browser.driver().findElements(By.name("update"))).isEmpty();
        browser.screenshot(SCREENSHOTS.resolve("ht813-viewer-fxs-port.png"));
    }

    @Test
    @DisplayName("WEB-26 SEC-07 HT813 in Chromium: five wrong passwords lock the login")
    void lockout() throws Exception {
        String base = serve(DeviceModels.HT813);
        for (int attempt = 0; attempt < 5; attempt++) {
            login(base, "admin", "wrong" + attempt);
        }
        assertThat(browser.pageText()).contains("Too many failed login attempts");
        login(base, "admin", "admin");
        assertThat(browser.pageText()).contains("locked");
        browser.screenshot(SCREENSHOTS.resolve("ht813-locked.png"));
    }
}
