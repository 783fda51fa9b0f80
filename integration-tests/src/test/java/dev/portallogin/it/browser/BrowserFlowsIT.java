package dev.portallogin.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.it.support.Browser;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.LocalRun;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.tools.LocalServer;
import java.io.IOException;
import java.net.URI;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
        server = LocalRun.start(List.of(
                LocalRun.customer("cus-9001", "ada@example.com", null, "Ada", "Scanner"),
                LocalRun.customer("cus-9002", "ben@example.com", null, "Ben", "Before"),
                LocalRun.customer("cus-9003", "cleo@example.com", null, "Cleo", "After"),
                LocalRun.customer("cus-9004", null, "(415) 555-0143", "Dan", "Phone"),
                LocalRun.customer("cus-9005", "eve@example.com", null, "Eve", "Waiting")));
        base = server.baseUrl().toString();
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
    void screenshotAndPolicy(TestInfo test) {
        browser.screenshot(test.getTestMethod().orElseThrow().getName());
        assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void noPageRunsAScriptInjectedIntoIt() {
        browser.policyViolations();
        for (String page : List.of("/login", "/dashboard", "/outbox", "/login/magic?token=nothing")) {
            browser.open(base + page);
            browser.visible("h1");
            browser.driver.executeScript("const s = document.createElement('script');"
                    + "s.textContent = 'window.injected = true'; document.body.appendChild(s);");
            assertThat(browser.driver.executeScript("return window.injected === true")).as(page).isEqualTo(false);
            assertThat(browser.policyViolations()).as("the refused script is reported on " + page).isNotEmpty();
        }
    }

    private WebElement newestMessageTo(String recipient) {
        return browser.newestOutboxMessageTo(base, recipient);
    }

    private void closeTab() {
        browser.closeTab();
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
        assertThat(browser.visible("#subscriptions").getText()).as("plans and statuses as a person names them")
                .contains("Coffee of the month", "Active", "Decaf duo", "Paused", "Resume")
                .doesNotContain("sub-5001", "paused");
        assertThat(browser.visible("#contact").getText()).contains("+1 201-555-0123");
    }

    @Test
    void aCodeAskedForOnTheLoginPageIsInTheOutboxWithinASecond() throws Exception {
        String before = Outbox.get(URI.create(base + "/_local/outbox.json"));
        browser.open(base + "/login?store=tea-box");
        browser.type("#identifier", "oliver@example.co.uk");
        long asked = System.nanoTime();
        browser.click("#send-code");

        long arrived = -1;
        while (System.nanoTime() - asked < 5_000_000_000L) {
            String now = Outbox.get(URI.create(base + "/_local/outbox.json"));
            if (count(now, "oliver@example.co.uk") > count(before, "oliver@example.co.uk")) {
                arrived = (System.nanoTime() - asked) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }

        assertThat(arrived).as("milliseconds from the click to the email in the outbox").isBetween(0L, 1000L);
        Figures.record("A code asked for on the local login page reaches the outbox", "BrowserFlowsIT.aCodeAskedFor"
                + "OnTheLoginPageIsInTheOutboxWithinASecond", arrived + " ms (the local runner polls the delivery "
                + "queue as Lambda's event source mapping would)");
    }

    private static int count(String text, String needle) {
        int found = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            found++;
        }
        return found;
    }

    /** The link from the newest email to {@code recipient}, read in the outbox tab. */
    private String newestLinkTo(String recipient) {
        WebElement email = newestMessageTo(recipient);
        String link = email.findElements(By.cssSelector("a.message-link")).stream().map(WebElement::getText)
                .filter(url -> url.contains("/login/magic?token=")).findFirst().orElseThrow();
        closeTab();
        return link;
    }

    @Test
    void aMailScannerThatRunsScriptsLeavesTheLinkUnspentAndThePersonContinuesOnAClick() throws Exception {
        askForACode("ada@example.com");
        String link = newestLinkTo("ada@example.com");

        try (Browser scanner = Browser.start()) {
            scanner.open(link);
            scanner.textAppears("#title", "Sign in to Acme Coffee Club");
            Thread.sleep(2000);
            assertThat(scanner.visible("#message").getText())
                    .isEqualTo("Continue as a***@example.com to Acme Coffee Club?");
            assertThat(scanner.driver.getCurrentUrl()).as("no script signed the scanner in").contains("/login/magic");
            scanner.screenshot("link-opened-elsewhere");
            assertThat(scanner.policyViolations()).isEmpty();
        }

        try (Browser phone = Browser.start()) {
            phone.driver.manage().window().setSize(new Dimension(390, 844));
            phone.open(link);
            phone.textAppears("#title", "Sign in to Acme Coffee Club");
            phone.screenshot("link-confirm-phone");
            phone.click("#signin button");
            phone.urlIs(base + "/");
            phone.textAppears("#greeting", "Hello, Ada Scanner");
            assertThat(phone.policyViolations()).isEmpty();
        }
    }

    @Test
    void theLoginPageNamesTheStoreSaysWhereTheCodeWentAndKeepsTheCodeFormOnARefusedResend() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(base + "/login?store=acme");
            browser.textAppears("#store-name", "Acme Coffee Club");
            assertThat(browser.driver.getTitle()).isEqualTo("Sign in to Acme Coffee Club");
            WebElement identifier = browser.driver.switchTo().activeElement();
            assertThat(identifier.getDomAttribute("id")).as("the field has the focus").isEqualTo("identifier");
            identifier.sendKeys("(415) 555-0143" + Keys.ENTER);
            browser.textAppears("#sent-notice", "We sent a code to •••0143");
            assertThat(browser.visible("#sent-notice").getText()).as("the other channel only as 'on file, if any'")
                    .contains("your email on file, if any").doesNotContain("@");

            tabTo("code").sendKeys("0001" + Keys.ENTER);
            browser.textAppears("#verify-error", "4 tries left");
            assertThat(browser.visible("#resend").isEnabled()).as("no new code within a minute").isFalse();
            String wait = browser.visible("#resend-wait").getText();
            assertThat(wait).contains("still works");
            browser.screenshot("code-screen-phone");

            browser.driver.executeScript("document.getElementById('resend').disabled = false");
            browser.click("#resend");
            browser.textAppears("#resend-wait", "You can ask for a new code in");
            assertThat(browser.visible("#verify").isDisplayed()).as("the code form stays").isTrue();
            assertThat(browser.visible("#code").getDomProperty("value")).isEqualTo("0001");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void aNewCodeClearsTheOldCodeAndItsError() {
        askForACode("ben@example.com");
        browser.type("#code", "0001");
        browser.click("#sign-in");
        browser.visible("#verify-error");

        browser.click("#change");
        browser.type("#identifier", "cleo@example.com");
        browser.click("#send-code");
        browser.textAppears("#sent-notice", "c***@example.com");

        assertThat(browser.visible("#code").getDomProperty("value")).isEmpty();
        assertThat(browser.driver.findElement(By.id("verify-error")).isDisplayed()).isFalse();
    }

    @Test
    void aPortalLinkLandsOnTheStoresLoginPage() {
        browser.open(base + "/login?store=tea-box");
        browser.textAppears("#store-name", "Tea Box");
        assertThat(browser.driver.findElement(By.id("store-field")).isDisplayed()).isFalse();
    }

    @Test
    void aWrongCodeSaysWhatToDo() {
        askForACode("(415) 555-0142");

        browser.type("#code", "0000");
        browser.click("#sign-in");
        assertThat(browser.visible("#verify-error").getText()).contains("did not work", "4 tries left");
        browser.type("#code", "12");
        browser.click("#sign-in");
        assertThat(browser.visible("#verify-error").getText()).contains("Type the digits");
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
        assertThat(browser.driver.getTitle()).isEqualTo("This link no longer works");
        assertThat(browser.visible("#message").getText()).contains("already used", "s***@example.net");
        browser.screenshot("used-link-page");
        browser.click("a.button");
        browser.textAppears("#store-name", "Acme Coffee Club");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login?store=acme");
    }

    private WebElement tabTo(String id) {
        return browser.tabTo(id);
    }

    private void press(CharSequence keys) {
        browser.press(keys);
    }

    /** Searches the dashboard for {@code query} by keyboard and opens its one result. */
    private void openTheOneResultFor(String query) {
        tabTo("query");
        press(Keys.chord(Keys.CONTROL, "a"));
        press(query + Keys.ENTER);
        browser.textAppears("#results-caption", "1 customer found");
        tabTo("agent");
        press(Keys.SHIFT + "" + Keys.TAB);
        press(Keys.ENTER);
    }

    @Test
    void anAgentHelpsACustomerByKeyboardAlone() {
        browser.open(base + "/dashboard");
        browser.textAppears("#acting-as", "Acting as PortalSupport / local-agent");
        tabTo("caller-summary");
        press(Keys.ENTER);
        assertThat(browser.visible("#acting-as code").getText())
                .isEqualTo("arn:aws:iam::123456789012:role/PortalSupport (session local-agent)");

        tabTo("query").sendKeys("jane@example.com");
        press(Keys.ENTER);
        browser.textAppears("#results-caption", "1 customer found");
        tabTo("agent");
        press(Keys.SHIFT + "" + Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).contains("Jane Doe");
        press(Keys.ENTER);
        browser.textAppears("#customer-name", "Jane Doe");
        assertThat(browser.driver.getTitle()).isEqualTo("Jane Doe · Support dashboard");
        assertThat(browser.driver.findElement(By.id("send-email")).isSelected()).isFalse();

        tabTo("magic-login");
        press(Keys.ENTER);
        browser.textAppears("#link-expiry", "Expires in");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("copy-link");
        press(Keys.ENTER);
        browser.textAppears("#copy-link", "Copied");

        tabTo("revoke");
        press(Keys.ENTER);
        assertThat(browser.visible("#confirm-revoke").getText()).contains("Revoke everything Jane Doe holds?",
                "signed out");
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("confirm-no");
        press(Keys.SHIFT + "" + Keys.TAB);
        press(Keys.ENTER);
        browser.textAppears("#action-done", "every open session is signed out");
        browser.textAppears("#audit", "revoked every code, link and session");
        assertThat(browser.visible("#audit").getText()).contains("made a magic link to hand over", "local-agent")
                .as("the agent's opening of the profile is folded under what they did next")
                .doesNotContain("opened this profile");
        browser.screenshot("agent-keyboard-revoked");

        tabTo("query");
        press(Keys.chord(Keys.CONTROL, "a"));
        press("sam.lee@example.net" + Keys.ENTER);
        browser.textAppears("#results-caption", "1 customer found");
        assertThat(browser.driver.findElement(By.id("customer")).isDisplayed()).as("the last customer closed")
                .isFalse();
    }

    @Test
    void onAPhoneByKeyboardTheEmailFormSaysWhenNothingChangedAndForgetsItsErrorOnCancel() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(base + "/dashboard");
            browser.textAppears("#store", "Acme Coffee Club");
            tabTo("query").sendKeys("j");
            browser.textAppears("#results-caption", "Type at least 2 characters");
            openTheOneResultFor("Bo Unce");
            browser.textAppears("#subscriptions", "No subscriptions yet.");

            openTheOneResultFor("jane@example.com");
            browser.textAppears("#customer-name", "Jane Doe");

            tabTo("edit-email");
            press(Keys.ENTER);
            press(Keys.chord(Keys.CONTROL, "a"));
            press("sam.lee@example.net" + Keys.ENTER);
            browser.textAppears("#email-error", "already uses");
            browser.screenshot("agent-email-in-use-phone");
            tabTo("cancel-email");
            press(Keys.ENTER);
            assertThat(browser.driver.findElement(By.id("email-error")).isDisplayed()).isFalse();
            tabTo("edit-email");
            press(Keys.ENTER);
            assertThat(browser.driver.findElement(By.id("email-error")).isDisplayed()).isFalse();
            press(Keys.ENTER);
            browser.textAppears("#action-done", "Nothing changed");
            browser.screenshot("agent-email-unchanged-phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void theTrailGroupsRepeatedEventsAndFoldsAProfileViewUnderWhatFollowed() {
        browser.open(base + "/dashboard");
        browser.visible("h1");

        Object lines = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/audit.js').then(function (trail) {
                  const agent = {type: 'agent', principal: 'arn:aws:iam::123456789012:role/PortalSupport',
                    session: 'alice', label: 'alice', reason: 'ticket 4711'};
                  const entries = [
                    {action: 'magic_link_generated', at: '2026-11-30T09:20:00Z', actor: agent,
                      details: {emailSent: 'false'}},
                    {action: 'profile_viewed', at: '2026-11-30T09:19:00Z', actor: agent, details: {}}];
                  for (let i = 0; i < 25; i++) {
                    entries.push({action: 'code_refused', at: new Date(Date.UTC(2026, 10, 30, 9, 12) - i * 5000)
                      .toISOString(), actor: {type: 'customer'}, details: {reason: 'wrong_code'}});
                  }
                  done(trail.trailLines(entries).map(function (line) { return line.sentence; }));
                });""");

        assertThat((List<?>) lines).hasSize(2);
        assertThat(String.valueOf(((List<?>) lines).get(0))).contains("alice", "made a magic link",
                "(reason: ticket 4711)");
        assertThat(((List<?>) lines).get(1)).isEqualTo("The customer typed a wrong code 25 times.");
    }

    @Test
    void theProfileSaysWhatBecameOfTheCustomersLastLoginEmail() {
        askForACode("eve@example.com");
        newestMessageTo("eve@example.com");
        closeTab();

        browser.open(base + "/dashboard");
        browser.type("#query", "eve@example.com");
        browser.textAppears("#results", "Eve Waiting");
        browser.click("#results button");
        browser.textAppears("#last-email", "Last login email: sent");
        assertThat(browser.visible("#messages").getText()).contains("Login email to e***@example.com: queued",
                "sent");
        browser.screenshot("agent-last-login-email");
    }

    @Test
    void theDashboardFitsAPhone() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(base + "/dashboard");
            browser.type("#query", "Doe");
            browser.textAppears("#results", "Jane Doe");
            browser.click("#results button");
            browser.textAppears("#customer-name", "Jane Doe");
            Object overflow = browser.driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
            browser.screenshot("agent-dashboard-phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void anAgentFixesAMissingEmailAndTheCustomerUsesTheMagicLink() {
        browser.open(base + "/dashboard");
        browser.textAppears("#store", "Acme Coffee Club");
        browser.type("#query", "nomail");
        browser.textAppears("#results", "Alex Nomail");
        browser.click("#results button");
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
        browser.textAppears("#audit", "made a magic link and emailed it to A***@example.com");
        browser.screenshot("agent-dashboard-with-link");

        browser.driver.manage().deleteAllCookies();
        browser.open(link);
        assertThat(browser.textAppears("#message", "support team made this link").getText()).as("an agent's link "
                + "names the store and whose account it opens").isEqualTo("The Acme Coffee Club support team made this "
                + "link for A***@example.com. Continue to sign in?");
        browser.click("#signin button");
        browser.urlIs(base + "/");
        browser.textAppears("#greeting", "Hello, Alex Nomail");
    }
}
