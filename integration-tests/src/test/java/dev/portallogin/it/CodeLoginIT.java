package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer asks for a code, reads it in their email or SMS, types it, and is signed in. */
class CodeLoginIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @Test
    void emailedCodeSignsTheCustomerIn() {
        Customer customer = portal.newCustomer(store, false);

        HttpResponse requested = portal.requestCode(store, customer.email());
        assertThat(requested.status()).isEqualTo(202);
        assertThat(json(requested)).isEqualTo(Map.of("status", "sent", "codeLifetimeSeconds", 600, "triesPerCode", 5,
                "resendAfterSeconds", 60));

        Outbox.Email email = portal.outbox().lastEmailTo(customer.email());
        assertThat(email.from()).isEqualTo(store.emailFrom());
        String code = email.code().orElseThrow();
        assertThat(code).hasSize(4).containsOnlyDigits();
        assertThat(email.body()).contains(code).contains(email.magicLink().orElseThrow());

        HttpResponse signedIn = portal.verifyCode(store, customer.email(), code);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(json(signedIn)).containsEntry("customerId", customer.customerId())
                .containsEntry("storeId", store.storeId());
        assertThat(Instant.parse((String) json(signedIn).get("expiresAt")))
                .isEqualTo(portal.clock.instant().plus(Duration.ofDays(7)));
    }

    @Test
    void sessionCookieIsHttpOnlySecureLaxAndStoredOnlyAsAHash() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);

        HttpResponse signedIn = portal.verifyCode(store, customer.email(), code);

        assertThat(signedIn.cookies()).as("the session, and the device cookie that remembers this browser")
                .hasSize(2);
        assertThat(signedIn.cookies().get(1)).matches("__Host-portal_device=[A-Za-z0-9_-]{43}; HttpOnly; Secure; "
                + "SameSite=Lax; Path=/; Max-Age=7776000");
        String cookie = signedIn.cookies().get(0);
        assertThat(cookie).matches("__Host-portal_session=[A-Za-z0-9_-]{43}; HttpOnly; Secure; SameSite=Lax; Path=/; "
                + "Max-Age=604800");
        String session = cookie.substring("__Host-portal_session=".length(), cookie.indexOf(';'));
        var stored = portal.backend.dynamoDb().getItem(request -> request
                .tableName(portal.backend.table("LoginTable"))
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("session#" + Digests.sha256(session)))));
        assertThat(stored.item()).containsKeys("customerId", "expiresAt");
        assertThat(stored.item().toString()).doesNotContain(session);
        long expiresAt = Long.parseLong(stored.item().get("expiresAt").n());
        assertThat(expiresAt).isEqualTo(portal.clock.instant().plus(Duration.ofDays(7)).getEpochSecond());
    }

    @Test
    void phoneIdentifierInAnyCommonFormatGetsTheCodeBySmsAndEmail() {
        Customer customer = portal.newCustomer(store, true);
        String national = "(" + customer.phoneE164().substring(2, 5) + ") " + customer.phoneE164().substring(5, 8)
                + "-" + customer.phoneE164().substring(8);

        assertThat(portal.requestCode(store, national).status()).isEqualTo(202);

        Outbox.Sms sms = portal.outbox().smsTo(customer.phoneE164()).get(0);
        String code = sms.code().orElseThrow();
        assertThat(portal.outbox().lastEmailTo(customer.email()).code()).contains(code);
        assertThat(portal.verifyCode(store, customer.phoneE164(), code).status()).isEqualTo(200);
    }

    @Test
    void theTableNeverHoldsTheCodeOrLinkInPlainText() {
        Customer customer = portal.newCustomer(store, false);
        Outbox.Email email = portal.loginEmail(store, customer);
        String token = email.magicLinkToken().orElseThrow();

        var items = portal.backend.dynamoDb().scanPaginator(request -> request
                .tableName(portal.backend.table("LoginTable"))).items();
        String everything = items.stream().map(Object::toString).reduce("", String::concat);

        assertThat(everything).doesNotContain(token).contains(Digests.sha256(token));
        assertThat(items.stream().filter(item -> item.get("pk").s().contains(customer.customerId())))
                .singleElement()
                .satisfies(item -> assertThat(item.values().stream().map(value -> value.s())
                        .filter(java.util.Objects::nonNull)).doesNotContain(email.code().orElseThrow()));
    }

    @Test
    void everyResponseForbidsCachingAndReferrers() {
        Customer customer = portal.newCustomer(store, false);
        HttpResponse accepted = portal.requestCode(store, customer.email());
        HttpResponse refused = portal.verifyCode(store, customer.email(), "12");
        HttpResponse malformed = portal.post("/login/code", "{not json");

        for (HttpResponse response : java.util.List.of(accepted, refused, malformed)) {
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Referrer-Policy")).contains("no-referrer");
            assertThat(response.header("Content-Type")).contains("application/json");
        }
    }

}
