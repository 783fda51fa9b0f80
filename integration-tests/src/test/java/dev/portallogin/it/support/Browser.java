package dev.portallogin.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian ({@code /usr/bin/chromium}, driven by {@code /usr/bin/chromedriver}), with the
 * flags this closed network needs. Missing browser packages fail the suite with the command that installs them.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    public static Browser start() throws IOException {
        return start("en-US,en");
    }

    /** A browser whose person reads {@code languages} (an {@code Accept-Language} list: "de-DE,de"). */
    public static Browser start(String languages) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them)");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile,
                "--lang=" + languages.split(",")[0], "--accept-lang=" + languages);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebElement visible(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    public WebElement textAppears(String cssSelector, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
        return driver.findElement(By.cssSelector(cssSelector));
    }

    public void urlIs(String url) {
        wait.until(ExpectedConditions.urlToBe(url));
    }

    public void type(String cssSelector, String text) {
        WebElement field = visible(cssSelector);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String cssSelector) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
    }

    /**
     * The Content-Security-Policy violations the console reported since the last call: a page that runs an inline
     * script, or loads one from elsewhere, shows up here.
     */
    public List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /**
     * The newest message to {@code recipient} in the local outbox at {@code base}, read in a new tab as a person
     * would, looked for again (as a person reloads) for a few seconds: a code request goes through the queue twice,
     * once to be served and once to be sent. {@link #closeTab()} goes back.
     */
    public WebElement newestOutboxMessageTo(String base, String recipient) {
        driver.switchTo().newWindow(WindowType.TAB);
        for (int look = 0; look < 20; look++) {
            open(base + "/outbox");
            visible("section.message");
            var found = driver.findElements(By.cssSelector("section.message")).stream()
                    .filter(message -> recipient.equals(message.getDomAttribute("data-to"))).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no message to " + recipient + " in the outbox");
    }

    /** Presses Tab until the element with {@code id} has the focus, as a keyboard user moves through a page. */
    public WebElement tabTo(String id) {
        for (int presses = 0; presses < 60; presses++) {
            WebElement focused = driver.switchTo().activeElement();
            if (id.equals(focused.getDomAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Types {@code keys} into whatever has the focus. */
    public void press(CharSequence keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    /** Closes this tab and goes back to the first. */
    public void closeTab() {
        List<String> tabs = List.copyOf(driver.getWindowHandles());
        driver.close();
        driver.switchTo().window(tabs.get(0));
    }

    /** Saves what the browser shows to {@code target/screenshots/<name>.png}, the build's artifact. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
