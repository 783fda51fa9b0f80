package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same email carries a magic link: opening it shows a page, the page's one POST signs the customer in. */
class MagicLinkIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    private Outbox.Email requestLogin(Customer customer) {
        assertThat(portal.requestCode(store, customer.email()).status()).isEqualTo(202);
        return portal.outbox().lastEmailTo(customer.email());
    }

    @Test
    void theEmailedLinkSignsInOnceAndFailsTheSecondTime() {
        Customer customer = portal.newCustomer(store, false);
        String token = requestLogin(customer).magicLinkToken().orElseThrow();

        HttpResponse first = portal.consumeLink(token);
        HttpResponse second = portal.consumeLink(token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(json(first)).containsEntry("customerId", customer.customerId())
                .containsEntry("storeId", store.storeId());
        assertThat(first.cookies().get(0)).startsWith("__Host-portal_session=");
        assertThat(second.status()).isEqualTo(401);
        assertThat(json(second)).containsEntry("error", "invalid_link");
        assertThat(second.cookies()).isEmpty();
    }

    @Test
    void theLinkIsBuiltFromTheStorePortalUrl() {
        Customer customer = portal.newCustomer(store, false);

        String link = requestLogin(customer).magicLink().orElseThrow();

        assertThat(link).startsWith(store.portalUrl() + "/login/magic?token=");
    }

    @Test
    void hostHeadersNeverChangeTheEmailedLink() {
        Customer customer = portal.newCustomer(store, false);

        portal.post("/login/code", Map.of("storeId", store.storeId(), "identifier", customer.email()),
                Map.of("host", "evil.example", "x-forwarded-host", "evil.example"));

        assertThat(portal.outbox().lastEmailTo(customer.email()).magicLink().orElseThrow())
                .startsWith(store.portalUrl() + "/login/magic?token=").doesNotContain("evil");
    }

    @Test
    void openingTheLinkWithGetOrHeadSpendsNothing() {
        Customer customer = portal.newCustomer(store, false);
        String token = requestLogin(customer).magicLinkToken().orElseThrow();

        HttpResponse page = portal.get("/login/magic", Map.of("token", token));
        HttpResponse head = portal.head("/login/magic", Map.of("token", token));
        portal.get("/login/magic", Map.of("token", token));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<form", "method=\"post\"", "action=\"magic\"", token, "<button");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Referrer-Policy")).contains("no-referrer");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp.split(";")).filteredOn(directive -> directive.strip().startsWith("script-src"))
                        .singleElement().asString().isEqualToIgnoringWhitespace("script-src 'self'"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(portal.consumeLink(token).status()).isEqualTo(200);
    }

    /** Posts the page's own no-script form: its hidden anti-forgery value and the cookie the page set with it. */
    private HttpResponse postTheForm(HttpResponse page, String token) {
        String formCookie = page.cookies().stream().filter(cookie -> cookie.startsWith("__Host-portal_form="))
                .findFirst().orElseThrow().split(";")[0];
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("name=\"form\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(value.find()).isTrue();
        return portal.post("/login/magic", "token=" + token + "&form=" + value.group(1),
                Map.of("content-type", "application/x-www-form-urlencoded", "cookie", formCookie));
    }

    @Test
    void thePagesOwnFormPostSignsInAndRedirectsIntoThePortal() {
        Customer customer = portal.newCustomer(store, false);
        String token = requestLogin(customer).magicLinkToken().orElseThrow();
        HttpResponse page = portal.get("/login/magic", Map.of("token", token));

        HttpResponse posted = postTheForm(page, token);

        assertThat(posted.status()).isEqualTo(303);
        assertThat(posted.header("Location")).contains("../");
        assertThat(posted.cookies().get(0)).startsWith("__Host-portal_session=");
        HttpResponse again = postTheForm(page, token);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).contains("Send me a new code", "already used");
    }

    @Test
    void aFormValueFromAnotherLinksPageIsRefusedAndSpendsNothing() {
        Customer customer = portal.newCustomer(store, false);
        String first = requestLogin(customer).magicLinkToken().orElseThrow();
        HttpResponse firstPage = portal.get("/login/magic", Map.of("token", first));
        Customer other = portal.newCustomer(store, false);
        String second = requestLogin(other).magicLinkToken().orElseThrow();

        HttpResponse crossed = postTheForm(firstPage, second);

        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.cookies()).isEmpty();
        assertThat(portal.consumeLink(second).status()).as("the other link is unspent").isEqualTo(200);
    }

    @Test
    void aFormPostWithoutThePagesAntiForgeryValueIsRefusedAndSpendsNothing() {
        Customer customer = portal.newCustomer(store, false);
        String token = requestLogin(customer).magicLinkToken().orElseThrow();

        HttpResponse forged = portal.post("/login/magic", "token=" + token,
                Map.of("content-type", "application/x-www-form-urlencoded"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.cookies()).isEmpty();
        assertThat(portal.consumeLink(token).status()).isEqualTo(200);
    }

    @Test
    void expiredLinkIsRefusedBeforeTtlDeletesIt() {
        Customer customer = portal.newCustomer(store, false);
        String token = requestLogin(customer).magicLinkToken().orElseThrow();

        portal.clock.advance(Duration.ofMinutes(10));

        HttpResponse late = portal.consumeLink(token);
        assertThat(late.status()).isEqualTo(401);
        assertThat(json(late)).containsEntry("error", "invalid_link");
    }

    @Test
    void aNewRequestReplacesTheEarlierLink() {
        Customer customer = portal.newCustomer(store, false);
        String first = requestLogin(customer).magicLinkToken().orElseThrow();
        portal.clock.advance(Duration.ofSeconds(61));
        String second = requestLogin(customer).magicLinkToken().orElseThrow();

        assertThat(portal.consumeLink(first).status()).isEqualTo(401);
        assertThat(portal.consumeLink(second).status()).isEqualTo(200);
    }

    @Test
    void usingTheLinkEndsTheCodeFromTheSameEmail() {
        Customer customer = portal.newCustomer(store, false);
        Outbox.Email email = requestLogin(customer);

        assertThat(portal.consumeLink(email.magicLinkToken().orElseThrow()).status()).isEqualTo(200);

        assertThat(portal.verifyCode(store, customer.email(), email.code().orElseThrow()).status()).isEqualTo(401);
    }

    @Test
    void malformedOrUnknownTokensAreOneAnswer() {
        for (String token : new String[] {"", "abc", "A".repeat(43), "A".repeat(42) + "=", "A".repeat(44),
                "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB"}) {
            HttpResponse response = portal.consumeLink(token);
            assertThat(response.status()).as(token).isIn(400, 401);
            assertThat(json(response).get("error")).as(token).isIn("invalid_link", "invalid_request");
        }
        assertThat(json(portal.consumeLink("A".repeat(43)))).containsEntry("error", "invalid_link");
    }

    @Test
    void landingPageForAMangledLinkExplainsWhatToDo() {
        HttpResponse page = portal.get("/login/magic", Map.of("token", "truncated"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Send me a new code").doesNotContain("<script");
    }
}
