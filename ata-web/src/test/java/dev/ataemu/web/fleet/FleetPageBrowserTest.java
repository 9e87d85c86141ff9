package dev.ataemu.web.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ataemu.core.device.DeviceModels;
import dev.ataemu.testing.browser.Chromium;
import dev.ataemu.time.SchedulerThreads;
import dev.ataemu.web.ServedDevice;
import dev.ataemu.web.server.WebServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The fleet's page at its server's root, in Debian's headless Chromium. */
class FleetPageBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("JOURNEY-3 the fleet page lists each device with its MAC, address and port registrations, links to "
            + "its pages and panel, and can show only the devices with an unregistered port")
    void fleetPage() throws Exception {
        try (SchedulerThreads threads = new SchedulerThreads("devices", 2);
             ServedDevice ht502 = ServedDevice.startReal(dataDir.resolve("a"), DeviceModels.HT502, threads.scheduler("a"));
             ServedDevice ht813 = ServedDevice.startReal(dataDir.resolve("b"), DeviceModels.HT813, threads.scheduler("b"));
             WebServer fleet = FleetWeb.server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     () -> List.of(new FleetWeb.Member(1, ht502.device, ht502.web.uri()),
                             new FleetWeb.Member(2, ht813.device, ht813.web.uri())));
             Chromium browser = Chromium.start()) {
            fleet.start();
            browser.open(fleet.uri().toString());
            browser.await(driver -> driver.findElements(By.cssSelector("#devices tr")).size() == 2);

            String first = browser.find(By.id("device-1")).getText();
            assertThat(first).contains("HT502", ht502.device.mac().compact(), "FXS 1:", "FXS 2:");
            assertThat(browser.find(By.id("device-2")).getText()).contains("HT813", ht813.device.mac().compact(),
                    "FXO 2:");
            assertThat(browser.find(By.id("summary")).getText()).contains("2 devices").contains("of 4 ports registered");
            assertThat(browser.find(By.cssSelector("#device-1 a[href$='/emulator']")).getAttribute("href"))
                    .isEqualTo(ht502.web.uri().toString().replaceAll("/$", "") + "/emulator");

            // Neither device has a SIP server, so both are listed as having a port that is not registered.
            new Select(browser.find(By.id("show"))).selectByValue("unregistered");
            browser.await(driver -> driver.findElements(By.cssSelector("#devices tr")).size() == 2);
        }
    }
}
