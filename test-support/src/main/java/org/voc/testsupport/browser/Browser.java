package org.voc.testsupport.browser;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The machine's Chromium, headless, driven through the machine's chromedriver (Debian: {@code apt-get install
 * chromium chromium-driver}); nothing is downloaded at run time, and the browser resolves no host but localhost,
 * so a page under test cannot reach the internet. Paths are overridable with the system properties
 * {@value #CHROMIUM} and {@value #CHROMEDRIVER}. One browser per test class is cheap enough (about a second).
 */
public final class Browser implements AutoCloseable {

    /** System property: the Chromium executable (default {@code /usr/bin/chromium}). */
    public static final String CHROMIUM = "voc.browser.chromium";
    /** System property: the chromedriver executable (default {@code /usr/bin/chromedriver}). */
    public static final String CHROMEDRIVER = "voc.browser.chromedriver";
    /** System property: where screenshots go (default {@code target/screenshots} of the module under test). */
    public static final String SCREENSHOTS = "voc.browser.screenshots";

    static final String INSTALL = "apt-get install chromium chromium-driver";

    private final ChromeDriver driver;
    private final Viewport viewport;

    private Browser(ChromeDriver driver, Viewport viewport) {
        this.driver = driver;
        this.viewport = viewport;
    }

    /** A browser whose pages are laid out at the viewport, asking for English. */
    public static Browser open(Viewport viewport) {
        return open(viewport, "en");
    }

    /** A browser whose pages are laid out at the viewport and that asks for {@code language} (Accept-Language). */
    public static Browser open(Viewport viewport, String language) {
        String chromium = executable(CHROMIUM, "/usr/bin/chromium", "Chromium");
        String chromedriver = executable(CHROMEDRIVER, "/usr/bin/chromedriver", "chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                // Chromium's sandbox refuses to start as root (CI runs as root) and needs user namespaces that
                // containers often lack; the pages under test are our own.
                "--no-sandbox",
                // A container's /dev/shm is often 64 MB, too small for the renderer: it crashes mid-test.
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--lang=" + language,
                "--window-size=" + viewport.width() + "," + viewport.height());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                // Naming the driver keeps Selenium Manager from looking for (and downloading) one.
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // The window size includes no browser frame in headless mode, but only the emulated metrics make the
            // layout viewport exact (and, for a phone, honour the page's meta viewport).
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of(
                            "width", viewport.width(),
                            "height", viewport.height(),
                            "deviceScaleFactor", 1,
                            "mobile", viewport.mobile()));
            return new Browser(driver, viewport);
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
    }

    private static String executable(String property, String fallback, String what) {
        String path = System.getProperty(property, fallback);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("no " + what + " at " + path + ": the browser tests drive the machine's "
                    + "headless Chromium (Debian/Ubuntu: " + INSTALL + "), or set -D" + property + "=<path>");
        }
        return path;
    }

    /** The Selenium driver, for anything this class does not wrap. */
    public ChromeDriver driver() {
        return driver;
    }

    public Viewport viewport() {
        return viewport;
    }

    /** Loads the URL and waits for the page's load event, as WebDriver does. */
    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    /**
     * Waits until the browser shows a URL that ends with {@code suffix}, e.g. after a form was sent: a navigation
     * that a key press started has no call to wait on.
     */
    public Browser awaitUrlEndingWith(String suffix) {
        await("the browser shows …" + suffix)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(driver::getCurrentUrl, url -> url != null && url.endsWith(suffix));
        return this;
    }

    /** Sends keys to whatever has the focus, as a person at a keyboard would (Keys.TAB, Keys.ARROW_RIGHT, text…). */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs a script in the page and returns its result (see {@link JavascriptExecutor#executeScript}). */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The width of the layout viewport as the page sees it ({@code window.innerWidth}). */
    public long innerWidth() {
        return ((Number) script("return window.innerWidth")).longValue();
    }

    /** axe-core's violations on the current page, of every impact. */
    public List<Violation> accessibilityViolations() {
        return Accessibility.violations(driver);
    }

    /** Fails on any serious or critical axe violation of the current page, listing them all. */
    public List<Violation> assertAccessible(String page) {
        return Accessibility.assertNoSeriousViolations(driver, page);
    }

    /**
     * Saves the whole page (not only the viewport) as {@code <name>.png} under the screenshot directory, a build
     * artifact; returns its path.
     */
    public Path screenshot(String name) {
        long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, window.innerHeight)"))
                .longValue();
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", viewport.width(), "height", height, "scale", 1)));
        Path file =
                Path.of(System.getProperty(SCREENSHOTS, "target/screenshots")).resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
