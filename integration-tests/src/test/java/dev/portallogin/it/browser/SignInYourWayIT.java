package dev.portallogin.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Browser;
import dev.portallogin.it.support.LocalRun;
import dev.portallogin.tools.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Sign-in as the store's own, in the customer's language, in headless Chromium against the local run started as
 * {@code portal-tools local --port N} would be: on a free port other than the demo data's 3000, with the demo data
 * as it is. The screenshots ({@code target/screenshots/}) are the README's pictures: two brands (Café Lumière in
 * French, Acme Coffee Club in German), at phone and desktop sizes.
 */
class SignInYourWayIT {

    private static final Pattern CODE = Pattern.compile("^(\\d{4,8}) ");

    private static LocalServer server;
    private static String base;

    @BeforeAll
    static void startTheLocalRunOnAFreePort() throws IOException {
        server = LocalRun.start(List.of(LocalRun.customer("cus-9101", "greta@example.de", null, "Greta", "Weber"),
                LocalRun.customer("cus-9102", "hal@example.com", null, "Hal", "Again"),
                LocalRun.customer("cus-9103", "ivy@example.com", null, "Ivy", "Again"),
                LocalRun.customer("cus-9104", "kit@example.com", null, "Kit", "Tries")));
        base = server.baseUrl().toString();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFrenchCustomerSignsInAtTheFrenchStoreOnAPhoneByKeyboardAlone() throws IOException {
        try (Browser phone = Browser.start("fr-FR,fr")) {
            phone.driver.manage().window().setSize(new Dimension(390, 844));
            phone.open(base + "/login?store=cafe-lumiere");
            phone.textAppears("#store-name", "Café Lumière");
            phone.textAppears("h2", "Connexion");
            assertThat(phone.driver.getTitle()).isEqualTo("Connexion à Café Lumière");
            assertThat(phone.driver.executeScript("return document.documentElement.lang")).isEqualTo("fr");
            phone.screenshot("fr-cafe-lumiere-login-phone");

            phone.tabTo("identifier").sendKeys("camille@example.fr" + Keys.ENTER);
            phone.textAppears("#sent-notice", "c***@example.fr");
            WebElement code = phone.visible("#code");
            assertThat(code.getDomAttribute("autocomplete")).isEqualTo("one-time-code");
            assertThat(code.getDomAttribute("inputmode")).isEqualTo("numeric");
            phone.screenshot("fr-cafe-lumiere-code-phone");

            WebElement email = phone.newestOutboxMessageTo(base, "camille@example.fr");
            String subject = email.findElement(By.tagName("h3")).getText();
            assertThat(email.getText()).as("sent from the store's name, in French, in Paris time")
                    .contains("Café Lumière <connexion@cafe-lumiere.example.fr>", "Bonjour Camille Martin",
                            "Se connecter à Café Lumière", "bonjour@cafe-lumiere.example.fr");
            phone.closeTab();
            WebElement sms = phone.newestOutboxMessageTo(base, "+33612345678");
            Matcher digits = CODE.matcher(subject);
            assertThat(digits.find()).as(subject).isTrue();
            assertThat(sms.getText()).contains("est votre code de connexion Café Lumière",
                    "@localhost #" + digits.group(1));
            assertThat(phone.driver.executeScript("return document.documentElement.scrollWidth <= 390"))
                    .as("the outbox wraps long links at phone width").isEqualTo(true);
            phone.screenshot("outbox-phone");
            phone.closeTab();

            // Pasted as the phone's keyboard offers it, with a space.
            phone.tabTo("code").sendKeys(digits.group(1).substring(0, 2) + " " + digits.group(1).substring(2)
                    + Keys.ENTER);
            phone.urlIs(base + "/");
            phone.textAppears("#greeting", "Bonjour Camille Martin");
            assertThat(phone.visible("#subscriptions").getText()).contains("Café du mois", "Actif");
            assertThat(phone.visible("#contact").getText()).contains("+33 6 12 34 56 78");
            phone.screenshot("fr-cafe-lumiere-home-phone");

            phone.open(base + "/login?store=cafe-lumiere");
            phone.urlIs(base + "/");
            phone.textAppears("#greeting", "Bonjour");
            phone.tabTo("sign-out");
            phone.press(Keys.ENTER);
            phone.textAppears("#signed-out", "Vous êtes déconnecté");
            assertThat(phone.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("identifier");
            assertThat(phone.policyViolations()).isEmpty();
        }
    }

    @Test
    void aGermanBrowserSeesTheStoresPagesInGermanAndItsLinkSignsInInGerman() throws IOException {
        try (Browser desk = Browser.start("de-DE,de")) {
            desk.open(base + "/login?store=acme");
            desk.textAppears("h2", "Anmelden");
            assertThat(desk.driver.getTitle()).isEqualTo("Bei Acme Coffee Club anmelden");
            assertThat(desk.visible("#identifier").getDomAttribute("placeholder")).contains("oder");
            desk.screenshot("de-acme-login-desktop");
            desk.type("#identifier", "greta@example.de");
            desk.click("#send-code");
            desk.textAppears("#sent-notice", "Wir haben einen Code und einen Anmeldelink an g***@example.de gesendet");
            desk.screenshot("de-acme-code-desktop");

            WebElement email = desk.newestOutboxMessageTo(base, "greta@example.de");
            assertThat(email.findElement(By.tagName("h3")).getText()).contains("ist Ihr Anmeldecode für Acme Coffee");
            String link = email.findElements(By.cssSelector("a.message-link")).stream().map(WebElement::getText)
                    .filter(url -> url.contains("/login/magic?token=")).findFirst().orElseThrow();
            desk.closeTab();

            try (Browser elsewhere = Browser.start("de-DE,de")) {
                elsewhere.open(link);
                elsewhere.textAppears("#title", "Bei Acme Coffee Club anmelden");
                assertThat(elsewhere.visible("#message").getText())
                        .isEqualTo("Als g***@example.de bei Acme Coffee Club fortfahren?");
                elsewhere.screenshot("de-acme-magic-link-desktop");
            }
            desk.open(link);
            desk.urlIs(base + "/");
            desk.textAppears("#greeting", "Hallo Greta Weber");
            assertThat(desk.visible("#subscriptions").getText()).contains("Sie haben noch keine Abonnements.");
            desk.screenshot("de-acme-home-desktop");

            desk.open(base + "/login?store=acme");
            desk.urlIs(base + "/");
            desk.click("#sign-out");
            desk.textAppears("#signed-out", "Sie sind abgemeldet");
            assertThat(desk.visible("#ask").isDisplayed()).as("and can sign in again at once").isTrue();
            assertThat(desk.policyViolations()).isEmpty();
        }
    }

    /** Desktop and phone, as the page fixes are tried at both. */
    private static final List<Dimension> SIZES = List.of(new Dimension(1280, 1000), new Dimension(390, 844));

    @Test
    void askingAgainWithinAMinuteKeepsOrReopensTheCodeBoxWithALiveCountdown() throws IOException {
        List<String> customers = List.of("hal@example.com", "ivy@example.com");
        for (int size = 0; size < SIZES.size(); size++) {
            try (Browser browser = Browser.start()) {
                browser.driver.manage().window().setSize(SIZES.get(size));
                browser.open(base + "/login?store=acme");
                browser.type("#identifier", customers.get(size));
                browser.click("#send-code");
                browser.visible("#verify");
                // She comes back to the login page and asks again.
                browser.open(base + "/login?store=acme");
                browser.type("#identifier", customers.get(size));
                browser.click("#send-code");

                browser.textAppears("#sent-notice", "You asked for a code a moment ago");
                assertThat(browser.visible("#verify").isDisplayed()).isTrue();
                String before = browser.textAppears("#resend-wait", "You can ask for a new code in").getText();
                sleep(2100);
                assertThat(browser.visible("#resend-wait").getText()).as("the countdown moves").isNotEqualTo(before);
                assertThat(browser.visible("#resend").isEnabled()).isFalse();
                browser.screenshot("asked-again-too-soon-" + SIZES.get(size).getWidth());
                browser.type("#code", "0000");
                browser.click("#sign-in");
                assertThat(browser.textAppears("#verify-error", "did not work").getText())
                        .as("this page does not know the code's tries, and says nothing it does not know")
                        .contains("try again").doesNotContain("no tries left");
            }
        }
    }

    @Test
    void aCodeWithNoTriesLeftStillSaysSoWhenItsBoxIsReopened() throws IOException {
        try (Browser browser = Browser.start()) {
            browser.driver.manage().window().setSize(SIZES.get(1));
            browser.open(base + "/login?store=acme");
            browser.type("#identifier", "kit@example.com");
            browser.click("#send-code");
            browser.visible("#verify");
            for (String left : List.of("4 tries left", "3 tries left", "2 tries left", "1 try left", "no tries left")) {
                browser.type("#code", "0000");
                browser.click("#sign-in");
                browser.textAppears("#verify-error", left);
            }
            // Back to her address and asking again within the minute reopens the box for the same code.
            browser.click("#change");
            browser.click("#send-code");
            browser.textAppears("#sent-notice", "You asked for a code a moment ago");
            browser.type("#code", "0000");
            browser.click("#sign-in");

            assertThat(browser.textAppears("#verify-error", "did not work").getText()).contains("no tries left");
        }
    }

    @Test
    void anUnknownStoreIsAskedForInPlainWordsAndTheHeaderFollowsWhatIsTyped() throws IOException {
        for (Dimension size : SIZES) {
            try (Browser browser = Browser.start()) {
                browser.driver.manage().window().setSize(size);
                browser.open(base + "/login?store=no-such-shop");
                browser.textAppears("#store-error", "We do not know this store");
                assertThat(browser.visible("#store-field").isDisplayed()).isTrue();
                assertThat(browser.driver.findElement(By.id("ask-error")).isDisplayed()).isFalse();
                assertThat(browser.visible("#store-name").getText()).isEqualTo("Customer portal");
                browser.screenshot("unknown-store-" + size.getWidth());

                browser.tabTo("store").sendKeys(Keys.chord(Keys.CONTROL, "a"), "tea-box");
                browser.textAppears("#store-name", "Tea Box");
                assertThat(browser.driver.findElement(By.id("store-error")).isDisplayed()).isFalse();
                browser.press(Keys.TAB);
                assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).as("on to the next field")
                        .isEqualTo("identifier");
            }
        }
    }

    @Test
    void everyPageHasAFavicon() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/favicon.ico")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("content-type")).hasValue("image/svg+xml");
        for (String page : List.of("login.html", "index.html", "dashboard.html", "outbox.html")) {
            assertThat(Files.readString(AwsBackend.shared().projectRoot().resolve("web").resolve(page)))
                    .as(page).contains("<link rel=\"icon\" href=\"/assets/favicon.svg\"");
        }
    }
}
