package dev.ataemu.testing.browser;

import dev.ataemu.testing.peers.PeerBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium (packages {@code chromium} and {@code chromium-driver}), headless, driven
 * through its chromedriver by Selenium: a real browser for the web pages' tests. Nothing is
 * downloaded: the driver and the browser are the installed ones.
 */
public final class Chromium implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Chromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    public static Chromium start() {
        Path browser = PeerBinary.require("/usr/bin/chromium", "chromium");
        Path chromedriver = PeerBinary.require("/usr/bin/chromedriver", "chromium-driver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // Root in a container has no sandbox to drop into; /dev/shm may be small there.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en-US",
                // A fake microphone (a beeping tone) granted without asking, and sound that may start at once.
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required");
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(WAIT);
            return new Chromium(service, driver);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clears a text or password field and types {@code text}. */
    public void type(String name, String text) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    public void choose(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
    }

    public void click(By by) {
        driver.findElement(by).click();
    }

    /**
     * Clicks a link or a submit button and waits until the browser has left the page it was on, so
     * that what is read next comes from the new page and not from the one being replaced.
     */
    public void navigate(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        try {
            driver.findElement(by).click();
        } catch (org.openqa.selenium.WebDriverException replacedMeanwhile) {
            // The page was still being replaced (its node left the document): once more, on the page now shown.
            page = driver.findElement(By.tagName("html"));
            driver.findElement(by).click();
        }
        WebElement left = page;
        await(driver -> gone(left));
    }

    /**
     * Whether an element's page has been replaced. Chromium says so with a stale-element error, or,
     * from version 156, with an inspector error that the node "does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Saves what the browser shows as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
