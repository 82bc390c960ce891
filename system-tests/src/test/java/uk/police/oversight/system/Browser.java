package uk.police.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, through Debian's chromedriver (Selenium 4), never a browser a tool downloads. Without
 * them the browser tests are skipped, except under {@code CI=true}, where a missing browser fails the run. And
 * axe-core (from .ci/lint's node_modules) run on a page, WCAG 2.2 AA.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static String axe;

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new browser with an empty profile (no cookies), its window {@code width} px wide. */
    static Browser open(int width) {
        requireBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container: no sandbox. No background connections (the network here is closed).
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--window-size=" + width + ",900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver for the web app's tests (" + CHROMIUM
                    + ", " + CHROMEDRIVER + ")");
        }
        assumeTrue(present, "Chromium and chromedriver are not installed: the browser tests are skipped");
    }

    void get(String url) {
        driver.get(url);
    }

    String title() {
        return driver.getTitle();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    /** The input a label names, as a user finds it: by the label's own text. */
    WebElement field(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    /** Presses the button and waits for the page it leads to (the old page gone). */
    void submit(String text) {
        WebElement button = button(text);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
        loaded();
    }

    /** Follows the link and waits for the page it leads to. */
    void follow(String text) {
        WebElement link = link(text);
        link.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(link));
        loaded();
    }

    /**
     * Waits until the new page has finished loading: a click's navigation is not waited for by WebDriver, and a look-up
     * while Chromium is still replacing the document fails ("Node with given id does not belong to the document").
     */
    private void loaded() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebElement link(String text) {
        return driver.findElement(By.xpath("//a[normalize-space(.)='" + text + "']"));
    }

    String source() {
        return driver.getPageSource();
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
        loaded();
    }

    /** The axe-core violations of the page (WCAG 2.0, 2.1 and 2.2, A and AA), as "rule: target" lines; none is a pass. */
    List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                      + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    void assertAccessible() {
        List<String> violations = accessibilityViolations();
        assertEquals(List.of(), violations, "axe-core on " + driver.getCurrentUrl());
    }

    /** A screenshot of the whole page, as PNG. */
    byte[] screenshot() {
        JavascriptExecutor js = driver;
        long height = ((Number) js.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")).longValue();
        int width = driver.manage().window().getSize().getWidth();
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 6000)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(new Dimension(width, 900));
        return png;
    }

    private static synchronized String axeSource() {
        if (axe == null) {
            Path file = NodeTools.repository().resolve(".ci/lint/node_modules/axe-core/axe.min.js");
            if (!Files.exists(file)) {
                NodeTools.bin();
            }
            try {
                axe = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is not installed in .ci/lint (npm ci there)", e);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
