package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in holds against a mail scanner that opens links, against pages of other sites, and against a stranger
 * guessing or locking codes; and a refused link says why without telling more than its holder was sent.
 */
class SignInSafetyIT {

    private static final String EVIL = "https://evil.example";

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    private static String cookie(HttpResponse response, String name) {
        return response.cookies().stream().filter(cookie -> cookie.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.cookies()))
                .split(";")[0];
    }

    private HttpResponse send(String method, String path, Map<String, String> query, Map<String, String> headers,
                              Object body) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        all.putAll(headers);
        return portal.send(new HttpRequest(method, path, query, all, body == null ? null : Json.write(body),
                portal.sourceIp()));
    }

    @Test
    void theLinkSignsInWithoutAClickOnlyInTheBrowserThatAskedAndOpeningItSpendsNothing() {
        Customer customer = portal.newCustomer(store, false);
        HttpResponse asked = portal.requestCode(store, customer.email());
        String askingBrowser = cookie(asked, "__Host-portal_login");
        String token = portal.outbox().lastEmailTo(customer.email()).magicLinkToken().orElseThrow();

        HttpResponse sameBrowser = send("GET", "/login/magic", Map.of("token", token),
                Map.of("cookie", askingBrowser), null);
        HttpResponse scanner = send("GET", "/login/magic", Map.of("token", token), Map.of(), null);
        HttpResponse otherBrowser = send("GET", "/login/magic", Map.of("token", token),
                Map.of("cookie", cookie(portal.requestCode(store, "nobody@example.com"), "__Host-portal_login")), null);

        assertThat(sameBrowser.body()).contains("data-auto=\"true\"", "Signing you in to " + store.name());
        assertThat(scanner.body()).contains("data-auto=\"false\"", "Continue as j***@example.com to " + store.name())
                .doesNotContain(customer.email());
        assertThat(otherBrowser.body()).contains("data-auto=\"false\"");
        assertThat(portal.consumeLink(token).status()).as("three opens spent nothing").isEqualTo(200);
    }

    @Test
    void anAgentsLinkAlwaysWaitsForAClick() {
        Customer customer = portal.newCustomer(store, false);
        String url = new Dashboard(portal, CallingStyle.HTTP).magicLink(request("storeId", store.storeId(),
                "customerId", customer.customerId(), "send", true)).string("url");
        String token = Dashboard.token(url);

        HttpResponse page = send("GET", "/login/magic", Map.of("token", token), Map.of(), null);

        assertThat(page.body()).as("it names the store and whose account it opens").contains("data-auto=\"false\"",
                "The " + store.name() + " support team made this link for j***@example.com. Continue to sign in?");
    }

    @Test
    void requestsThatSetOrClearTheSessionAreRefusedFromAnotherSite() {
        Customer customer = portal.newCustomer(store, false);
        Outbox.Email email = portal.loginEmail(store, customer);
        Map<String, String> fromEvil = Map.of("origin", EVIL);
        Map<String, String> crossSite = Map.of("sec-fetch-site", "cross-site");

        HttpResponse verify = send("POST", "/login/verify", Map.of(), fromEvil, Map.of("storeId", store.storeId(),
                "identifier", customer.email(), "code", email.code().orElseThrow()));
        HttpResponse magic = send("POST", "/login/magic", Map.of(), crossSite,
                Map.of("token", email.magicLinkToken().orElseThrow()));
        HttpResponse code = send("POST", "/login/code", Map.of(), fromEvil, Map.of("storeId", store.storeId(),
                "identifier", customer.email()));
        HttpResponse textPlain = portal.post("/login/verify", Json.write(Map.of("storeId", store.storeId(),
                "identifier", customer.email(), "code", "0000")), Map.of("content-type", "text/plain"));

        for (HttpResponse refused : List.of(verify, magic, code)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(json(refused)).containsEntry("error", "forbidden_origin");
            assertThat(refused.cookies()).noneMatch(cookie -> cookie.startsWith("__Host-portal_session"));
        }
        assertThat(textPlain.status()).isEqualTo(415);
        HttpResponse fromThePortal = send("POST", "/login/magic", Map.of(), Map.of("origin", store.portalOrigin(),
                "sec-fetch-site", "same-origin"), Map.of("token", email.magicLinkToken().orElseThrow()));
        assertThat(fromThePortal.status()).as("the refused requests spent nothing").isEqualTo(200);

        String session = cookie(fromThePortal, "__Host-portal_session");
        HttpResponse logout = send("POST", "/logout", Map.of(), Map.of("origin", EVIL, "cookie", session), null);
        assertThat(logout.status()).isEqualTo(403);
        assertThat(logout.cookies()).as("nothing cleared").isEmpty();
        assertThat(send("GET", "/session", Map.of(), Map.of("cookie", session), null).status())
                .as("still signed in").isEqualTo(200);
        for (Map<String, String> sessionless : List.of(fromEvil, crossSite)) {
            HttpResponse withoutSession = send("POST", "/logout", Map.of(), sessionless, null);
            assertThat(withoutSession.status()).as("cross-site logout without a session").isEqualTo(403);
            assertThat(withoutSession.cookies()).isEmpty();
        }
        Figures.record("Cross-site requests refused", "SignInSafetyIT.requestsThatSetOrClearTheSessionAreRefused"
                + "FromAnotherSite", "Origin evil.example or Sec-Fetch-Site cross-site on /login/verify, /login/magic, "
                + "/login/code and /logout (with or without a session): 403 forbidden_origin and no Set-Cookie, "
                + "nothing spent, no session set or ended; text/plain on a JSON route: 415");
    }

    private String refusal(String token) {
        HttpResponse refused = portal.consumeLink(token);
        assertThat(refused.status()).isEqualTo(401);
        return refused.body();
    }

    @Test
    void aRefusedLinkSaysWhyAndTellsNothingNewAboutTheCustomer() {
        Customer customer = portal.newCustomer(store, false);
        String expired = portal.emailedLinkToken(store, customer);
        portal.clock.advance(Duration.ofMinutes(11));
        assertThat(json(portal.consumeLink(expired))).containsEntry("reason", "expired")
                .containsEntry("sentTo", "j***@example.com").containsEntry("storeName", store.name());

        String replaced = portal.emailedLinkToken(store, customer);
        portal.clock.advance(Duration.ofMinutes(2));
        String used = portal.emailedLinkToken(store, customer);
        assertThat(json(portal.consumeLink(replaced))).containsEntry("reason", "replaced").containsEntry("message",
                "This link sent to j***@example.com was replaced by a newer code: only the newest message works. "
                        + "Use it, or ask for a new code.");
        portal.consumeLink(used);
        assertThat(json(portal.consumeLink(used))).containsEntry("reason", "used");

        portal.clock.advance(Duration.ofMinutes(2));
        String beforeTheChange = portal.emailedLinkToken(store, customer);
        portal.clock.advance(Duration.ofSeconds(1));
        String newAddress = "moved." + customer.email();
        new Dashboard(portal, CallingStyle.HTTP).updateEmail(customer.customerId(), request("storeId",
                store.storeId(), "email", newAddress)).hasStatus(200);

        Map<String, Object> afterTheChange = json(portal.consumeLink(beforeTheChange));
        assertThat(afterTheChange).containsEntry("reason", "revoked").containsEntry("storeId", store.storeId())
                .doesNotContainKey("sentTo");
        assertThat(refusal(beforeTheChange)).doesNotContain(newAddress).doesNotContain("m***@")
                .doesNotContain(customer.email()).doesNotContain("j***@");
        String page = portal.get("/login/magic", Map.of("token", beforeTheChange)).body();
        assertThat(page).contains("cancelled by " + store.name() + " support", "login?store=" + store.storeId())
                .doesNotContain("m***@").doesNotContain("j***@");
        Figures.record("A refused link reveals nothing new", "SignInSafetyIT.aRefusedLinkSaysWhyAndTellsNothingNew"
                + "AboutTheCustomer", "expired, replaced and used links name the store and the masked address they "
                + "went to; after an email change (or a revoke): reason revoked, the store, no address at all");
    }

    @Test
    void thirtyParallelWrongGuessesAtNineteenFailuresLeaveTheCountAtTwenty() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        for (int i = 0; i < 19; i++) {
            portal.backend.codeGuesses().countCodeGuess(store.storeId(), customer.customerId(), 20, Duration.ofDays(1),
                    portal.clock.instant());
        }
        String code = portal.emailedCode(store, customer);
        String wrong = code.equals("0000") ? "1111" : "0000";

        // From 30 addresses, as a botnet spreads them, so that no per-address limit hides the rule.
        List<java.util.concurrent.Callable<Integer>> guesses = java.util.stream.IntStream.range(0, 30)
                .<java.util.concurrent.Callable<Integer>>mapToObj(i -> () -> portal.send(new HttpRequest("POST",
                        "/login/verify", Map.of(), Map.of("content-type", "application/json"),
                        Json.write(Map.of("storeId", store.storeId(), "identifier", customer.email(), "code", wrong)),
                        "203.0.113." + (i + 1))).status()).toList();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        try {
            for (var answer : pool.invokeAll(guesses)) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }

        Customer after = portal.backend.customers().findCustomer(store.storeId(), customer.customerId())
                .orElseThrow();
        assertThat(after.consecutiveCodeFailures()).isEqualTo(20);
        Figures.record("The lock is checked and counted in one write", "SignInSafetyIT.thirtyParallelWrongGuessesAt"
                + "NineteenFailuresLeaveTheCountAtTwenty", "30 parallel wrong guesses at 19 failures: count "
                + after.consecutiveCodeFailures() + " (locked), never past 20");
    }

    @Test
    void theLockLiftsByItselfAfterADay() {
        Customer customer = portal.newCustomer(store, false);
        for (int i = 0; i < 20; i++) {
            portal.backend.codeGuesses().countCodeGuess(store.storeId(), customer.customerId(), 20, Duration.ofDays(1),
                    portal.clock.instant());
        }
        portal.requestCode(store, customer.email());
        assertThat(portal.outbox().lastEmailTo(customer.email()).code()).as("paused").isEmpty();

        portal.clock.advance(Duration.ofHours(24).plusSeconds(1));
        String code = portal.emailedCode(store, customer);

        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);
    }

    @Test
    void aPausedCustomerWithoutEmailIsToldBySmsWhyAndHowToGetIn() {
        Customer customer = portal.addCustomer(store, "sms-only-" + store.storeId(), null, Portal.uniqueUsNumber());
        for (int i = 0; i < 20; i++) {
            portal.backend.codeGuesses().countCodeGuess(store.storeId(), customer.customerId(), 20, Duration.ofDays(1),
                    portal.clock.instant());
        }

        portal.requestCode(store, customer.phoneE164());

        List<Outbox.Sms> sms = portal.outbox().smsTo(customer.phoneE164());
        assertThat(sms).singleElement().satisfies(message -> {
            assertThat(message.code()).isEmpty();
            assertThat(message.message()).contains("paused until", "support");
        });
    }

    @Test
    void oneCustomersEmailAndPhoneTogetherGetAtMostTheDailyCap() {
        Customer customer = portal.newCustomer(store, true);
        int answered = 0;
        for (int hour = 0; hour < 10; hour++) {
            // Each identifier alone stays within its own limits (1 a minute, 5 an hour, 10 a day): only the
            // customer's one budget can stop the second ten.
            for (String identifier : List.of(customer.email(), customer.phoneE164())) {
                if (portal.requestCode(store, identifier).status() == 202) {
                    answered++;
                }
                portal.deliver();
                portal.clock.advance(Duration.ofSeconds(61));
            }
            portal.clock.advance(Duration.ofMinutes(60));
        }
        int codes = portal.outbox().smsTo(customer.phoneE164()).size();

        assertThat(answered).as("every answer is 202, like an unknown identifier's").isEqualTo(20);
        assertThat(codes).isEqualTo(10);
        Figures.record("One customer's email and phone share one budget", "SignInSafetyIT.oneCustomersEmailAndPhone"
                + "TogetherGetAtMostTheDailyCap", "20 requests in a day, alternating email and phone: 20 answers "
                + "202, " + codes + " codes sent (the daily cap)");
    }
}
