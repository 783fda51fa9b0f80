package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal asks who is signed in, signs out, and a reopened magic link is no dead end. */
class PortalSessionIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    private static String cookieOf(HttpResponse signedIn) {
        String cookie = signedIn.cookies().get(0);
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse withCookie(String method, String path, String cookie, String body) {
        return Portal.seen(portal.api.handle(new HttpRequest(method, path, Map.of(),
                Map.of("cookie", cookie, "content-type", "application/json"), body, portal.sourceIp())));
    }

    private HttpResponse signIn(Customer customer) {
        String code = portal.emailedCode(store, customer);
        return portal.verifyCode(store, customer.email(), code);
    }

    @Test
    void theSessionShowsTheCustomerAndTheirSubscriptions() {
        Customer customer = portal.newCustomer(store, true);
        var subscription = portal.addSubscription(customer);
        String cookie = cookieOf(signIn(customer));

        HttpResponse session = withCookie("GET", "/session", cookie, null);

        assertThat(session.status()).isEqualTo(200);
        assertThat(json(session)).containsEntry("customerId", customer.customerId())
                .containsEntry("storeId", store.storeId());
        assertThat((Map<String, Object>) json(session).get("customer")).containsEntry("email", customer.email());
        assertThat((List<Map<String, Object>>) json(session).get("subscriptions"))
                .extracting(entry -> entry.get("subscriptionId")).containsExactly(subscription.subscriptionId());
    }

    @Test
    void aRevokeEndsEveryOpenSessionOfTheCustomerAtItsNextRequest() {
        Customer customer = portal.newCustomer(store, false);
        String byCode = cookieOf(signIn(customer));
        portal.clock.advance(Duration.ofMinutes(2));
        portal.requestCode(store, customer.email());
        String byLink = cookieOf(portal.consumeLink(portal.outbox().lastEmailTo(customer.email()).magicLinkToken()
                .orElseThrow()));
        assertThat(withCookie("GET", "/session", byCode, null).status()).isEqualTo(200);
        portal.clock.advance(Duration.ofSeconds(1));

        new Dashboard(portal, Dashboard.CallingStyle.HTTP).revoke(customer.customerId(),
                Dashboard.request("storeId", store.storeId())).hasStatus(200);

        assertThat(withCookie("GET", "/session", byCode, null).status()).isEqualTo(401);
        assertThat(json(withCookie("GET", "/session", byLink, null))).containsEntry("error", "not_signed_in");
        portal.clock.advance(Duration.ofMinutes(2));
        assertThat(withCookie("GET", "/session", cookieOf(signIn(customer)), null).status())
                .as("signing in again afterwards works").isEqualTo(200);
    }

    @Test
    void anEmailChangeEndsTheSessionsOpenedBeforeIt() {
        Customer customer = portal.newCustomer(store, false);
        String cookie = cookieOf(signIn(customer));
        portal.clock.advance(Duration.ofSeconds(1));

        new Dashboard(portal, Dashboard.CallingStyle.DIRECT).updateEmail(customer.customerId(),
                Dashboard.request("storeId", store.storeId(), "email", "new." + customer.email(), "agentId", "a-1"))
                .hasStatus(200);

        assertThat(withCookie("GET", "/session", cookie, null).status()).isEqualTo(401);
    }

    @Test
    void withoutACookieNobodyIsSignedIn() {
        HttpResponse session = portal.get("/session", Map.of());

        assertThat(session.status()).isEqualTo(401);
        assertThat(json(session)).containsEntry("error", "not_signed_in");
        assertThat(withCookie("GET", "/session", "__Host-portal_session=forged", null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredSessionIsRefusedBeforeTtlDeletesIt() {
        Customer customer = portal.newCustomer(store, false);
        String cookie = cookieOf(signIn(customer));

        portal.clock.advance(Duration.ofDays(7));

        assertThat(withCookie("GET", "/session", cookie, null).status()).isEqualTo(401);
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Customer customer = portal.newCustomer(store, false);
        String cookie = cookieOf(signIn(customer));

        HttpResponse out = withCookie("POST", "/logout", cookie, "{}");

        assertThat(out.status()).isEqualTo(200);
        assertThat(out.cookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(withCookie("GET", "/session", cookie, null).status()).isEqualTo(401);
    }

    @Test
    void aUsedLinkOpenedAgainByItsSignedInOwnerJustContinues() {
        Customer customer = portal.newCustomer(store, false);
        String token = portal.emailedLinkToken(store, customer);
        String cookie = cookieOf(portal.consumeLink(token));

        HttpResponse again = withCookie("POST", "/login/magic", cookie, "{\"token\":\"" + token + "\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again)).containsEntry("customerId", customer.customerId());
        assertThat(again.cookies()).isEmpty();
    }

    @Test
    void aUsedLinkOpenedBySomeoneElseSaysWhereANewCodeCanGo() {
        Customer customer = portal.newCustomer(store, false);
        Customer other = portal.newCustomer(store, false);
        Outbox.Email email = portal.loginEmail(store, customer);
        String token = email.magicLinkToken().orElseThrow();
        portal.consumeLink(token);
        String othersCookie = cookieOf(signIn(other));

        HttpResponse again = withCookie("POST", "/login/magic", othersCookie, "{\"token\":\"" + token + "\"}");

        assertThat(again.status()).isEqualTo(401);
        assertThat(json(again)).containsEntry("error", "invalid_link").containsEntry("reason", "used")
                .containsEntry("storeId", store.storeId()).containsEntry("storeName", store.name())
                .containsEntry("sentTo", "j***@example.com");
        assertThat(again.body()).doesNotContain(customer.email());
    }

    @Test
    void anUnknownLinkGivesNoHint() {
        HttpResponse refused = portal.consumeLink("A".repeat(43));

        assertThat(json(refused)).containsOnlyKeys("error", "message", "reason").containsEntry("reason", "unknown");
    }
}
