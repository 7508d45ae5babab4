package org.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium through Debian's chromedriver. Every page the test reaches is checked with axe-core
 * (no serious or critical violation) and photographed; the photos are written under target/ only when the
 * test fails, one PNG per page in the order visited.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    final ChromeDriver driver;
    private final String base;
    private final Map<String, byte[]> shots = new LinkedHashMap<>();
    private final List<String> axeRuns = new ArrayList<>();
    private static String axeSource;

    /**
     * Without Chromium a plain {@code ./mvnw test} skips the browser tests and says why; {@code .ci/run} passes
     * {@code -Dbrowser.required=true} after installing it, so CI fails instead of skipping.
     */
    static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && Boolean.getBoolean("browser.required")) {
            fail("Chromium and chromedriver are required (" + CHROMIUM + ", " + DRIVER
                    + "): apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "browser tests skipped: apt-get install -y chromium chromium-driver");
    }

    Browser(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** Opens a console path and checks the page. */
    Browser open(String path) {
        driver.get(base + path);
        return page();
    }

    /** Checks the page the browser shows now (after a click or a form post). */
    Browser page() {
        String name = String.format("%02d-%s", shots.size() + 1, driver.getCurrentUrl().replaceAll("^https?://[^/]+", "")
                .replaceAll("[^A-Za-z0-9]+", "_"));
        shots.put(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        axe(name);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    String body() {
        return text("body");
    }

    /**
     * Polls the condition until it holds. An element the condition found can be replaced before it reads it (an htmx
     * swap, a page load): a stale element is one more poll, and the condition finds the new one the next time.
     */
    void waitFor(Duration timeout, java.util.function.Supplier<Boolean> condition) {
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(d -> condition.get());
    }

    /** Waits until the element's text is the expected one, finding the element again at every poll. */
    void waitForText(Duration timeout, String css, String expected) {
        AtomicReference<String> seen = new AtomicReference<>();
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> css + " to read '" + expected + "', last read '" + seen.get() + "'")
                .until(d -> {
                    seen.set(d.findElement(By.cssSelector(css)).getText());
                    return expected.equals(seen.get());
                });
    }

    /** No element sticks out sideways at this width: the page reads without horizontal scrolling. */
    void assertFitsWidth(int width) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, 900));
        try {
            Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "page is wider than " + width + " px: " + driver.getCurrentUrl());
            page();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private void axe(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + "      + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        axeRuns.add(name);
        if (result instanceof List<?> violations && !violations.isEmpty()) {
            fail("axe-core on " + driver.getCurrentUrl() + ":\n" + String.join("\n", violations.stream().map(String::valueOf).toList()));
        }
    }

    int axeChecks() {
        return axeRuns.size();
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream(AXE)) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    /** Writes every page seen so far, and the one shown now, under target/console-screenshots/{test}/. */
    void saveScreenshots(String test) {
        Path dir = Path.of("target", "console-screenshots", test.replaceAll("[^A-Za-z0-9]+", "_"));
        try {
            Files.createDirectories(dir);
            for (var e : shots.entrySet()) {
                Files.write(dir.resolve(e.getKey() + ".png"), e.getValue());
            }
            Files.write(dir.resolve("zz-at-failure.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve("zz-at-failure.html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save browser screenshots: " + e);
        }
    }

    /** A screenshot of the current page, e.g. for the documentation. */
    void screenshot(File file, int width, int height) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, height));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        try {
            Files.write(file.toPath(), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
