package dev.kexwatch.pages;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given, so Selenium Manager
 * never looks for (or downloads) a browser or driver. Skipped, not failed, only where chromium is absent.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);
    static final Path SHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String root;

    private Browser(ChromeDriver driver, String root) {
        this.driver = driver;
        this.root = root;
    }

    static Browser start(String root) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    void open(String path) {
        driver.get(root + path);
    }

    String url() {
        return driver.getCurrentUrl().substring(root.length());
    }

    /** Signs in through the page's form with a bearer token; starts from a clean session. */
    void signIn(String token) {
        driver.manage().deleteAllCookies();
        open("/ui/login");
        driver.findElement(By.id("token")).sendKeys(token);
        submit("form.stack button[type=submit]");
    }

    /**
     * Clicks a form's button and waits until the page it leads to has replaced this one: a click does not always
     * wait for the navigation it starts, and a page read or opened too early would be the old one.
     */
    void submit(String buttonCss) {
        WebElement old = driver.findElement(By.tagName("html"));
        find(buttonCss).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(old));
    }

    /**
     * True once the element's document has been replaced. Selenium's {@code stalenessOf} knows only the stale-element
     * error; Chromium 156 may answer for a node of the old document with "Node with given id does not belong to the
     * document" instead, which means the same.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The element, or a failure that says where the browser was and what it saw. */
    WebElement find(String css) {
        try {
            return driver.findElement(By.cssSelector(css));
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new AssertionError("no " + css + " on " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Screenshots of the page as it is, at desktop and at phone width, under {@code target/screenshots}. */
    void screenshots(String name) {
        shoot(name + "-desktop", DESKTOP);
        shoot(name + "-phone", PHONE);
        driver.manage().window().setSize(DESKTOP);
    }

    private void shoot(String name, Dimension size) {
        driver.manage().window().setSize(size);
        try {
            Files.createDirectories(SHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
