package dev.portallogin.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Browser;
import dev.portallogin.tools.LocalServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The three flows a person would try, in headless Chromium against {@code portal-tools local} (the template's
 * API, the pages of {@code web/}, the local outbox), with the demo data of {@code events/seed.json}. Each test
 * saves a screenshot to {@code integration-tests/target/screenshots/}.
 */
class BrowserFlowsIT {

    private static final Pattern CODE = Pattern.compile("^(\\d{4,8}) is your");

    private static LocalServer server;
    private static String base;
    private static Browser browser;

    @BeforeAll
    static void startTheProductAndABrowser() throws IOException {
        AwsBackend backend = AwsBackend.shared();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        // The demo stores' portal URL is the default local address; here the server runs on a free port.
        Path seed = Files.createTempFile("seed", ".json");
        Files.writeString(seed, Files.readString(backend.projectRoot().resolve("events/seed.json"))
                .replace("http://localhost:3000", base));
        server = LocalServer.start(backend.projectRoot(), port, seed,
                URI.create(backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        browser.open(base + "/login");
        browser.driver.manage().deleteAllCookies();
        browser.driver.executeScript("localStorage.clear()");
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
    }

    /** Reads the newest message to {@code recipient} in the local outbox, in a second tab, like a person would. */
    private WebElement newestMessageTo(String recipient) {
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open(base + "/outbox");
        browser.visible("section.message");
        return browser.driver.findElements(By.cssSelector("section.message")).stream()
                .filter(message -> recipient.equals(message.getDomAttribute("data-to")))
                .findFirst().orElseThrow(() -> new AssertionError("no message to " + recipient + " in the outbox"));
    }

    private void closeTab() {
        List<String> tabs = List.copyOf(browser.driver.getWindowHandles());
        browser.driver.close();
        browser.driver.switchTo().window(tabs.get(0));
    }

    private void askForACode(String identifier) {
        browser.open(base + "/login?store=acme");
        browser.type("#identifier", identifier);
        browser.click("#send-code");
        browser.visible("#verify");
    }

    @Test
    void aCustomerSignsInWithTheEmailedCode() {
        askForACode("jane@example.com");

        String subject = newestMessageTo("jane@example.com").findElement(By.tagName("h3")).getText();
        Matcher code = CODE.matcher(subject);
        assertThat(code.find()).as(subject).isTrue();
        closeTab();
        browser.type("#code", code.group(1));
        browser.click("#sign-in");

        browser.urlIs(base + "/");
        assertThat(browser.textAppears("#greeting", "Hello, Jane Doe").getText()).isEqualTo("Hello, Jane Doe");
        assertThat(browser.visible("#subscriptions").getText()).contains("sub-5001", "sub-5002", "paused");
    }

    @Test
    void aWrongCodeSaysWhatToDo() {
        askForACode("(415) 555-0142");

        browser.type("#code", "12");
        browser.click("#sign-in");

        assertThat(browser.visible("#verify-error").getText()).contains("did not work", "send a new code");
    }

    @Test
    void aCustomerSignsInWithTheEmailedLinkAndTheSameLinkFailsTheSecondTime() {
        askForACode("sam.lee@example.net");
        WebElement email = newestMessageTo("sam.lee@example.net");
        String link = email.findElements(By.cssSelector("a.message-link")).stream().map(WebElement::getText)
                .filter(url -> url.contains("/login/magic?token=")).findFirst().orElseThrow();
        closeTab();

        browser.open(link);
        browser.urlIs(base + "/");
        browser.textAppears("#greeting", "Hello, Sam Lee");
        browser.click("#sign-out");
        browser.visible("#ask");

        browser.open(link);
        browser.textAppears("#title", "This link no longer works");
        assertThat(browser.visible("#message").getText()).contains("already used");
        browser.screenshot("used-link-page");
        browser.click("#retry a");
        assertThat(browser.visible("#identifier").getDomProperty("value")).isEqualTo("sam.lee@example.net");
    }

    @Test
    void anAgentFixesAMissingEmailAndTheCustomerUsesTheMagicLink() {
        browser.open(base + "/dashboard");
        browser.textAppears("#store", "Acme Coffee Club");
        browser.type("#query", "nomail");
        browser.textAppears("#results", "Alex Nomail");
        browser.click("#results li");
        browser.textAppears("#customer-email", "none on file");

        browser.click("#magic-login");
        assertThat(browser.visible("#action-error").getText()).contains("Update the customer's email");
        browser.type("#new-email", "Alex.Nomail@Example.com");
        browser.click("#save-email");
        browser.textAppears("#customer-email", "Alex.Nomail@example.com");
        browser.driver.findElement(By.id("send-email")).click();
        browser.click("#magic-login");
        browser.textAppears("#link-expiry", "Expires in");
        String link = browser.visible("#link-url").getDomProperty("value");
        assertThat(browser.visible("#link-caption").getText()).contains("emailed");
        browser.textAppears("#audit", "magic link generated");
        browser.screenshot("agent-dashboard-with-link");

        browser.driver.manage().deleteAllCookies();
        browser.open(link);
        browser.urlIs(base + "/");
        browser.textAppears("#greeting", "Hello, Alex Nomail");
    }
}
