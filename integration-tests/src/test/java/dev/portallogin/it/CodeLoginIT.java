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
        assertThat(json(requested)).isEqualTo(Map.of("status", "sent"));

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
    void emailIdentifierAlsoTextsThePhoneOnFile() {
        Customer customer = portal.newCustomer(store, true);

        portal.requestCode(store, customer.email().toUpperCase());

        String emailed = portal.outbox().lastEmailTo(customer.email()).code().orElseThrow();
        assertThat(portal.outbox().smsTo(customer.phoneE164())).extracting(sms -> sms.code().orElseThrow())
                .containsExactly(emailed);
    }

    @Test
    void noSmsToCountriesOutsideTheStoreAllowList() {
        Store emailOnly = portal.newStore();
        Customer customer = portal.newCustomer(emailOnly, true);

        portal.requestCode(emailOnly, customer.phoneE164());

        assertThat(portal.outbox().smsTo(customer.phoneE164())).isEmpty();
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
    }

    @Test
    void unknownIdentifierGetsTheSameAnswerAndNothingIsSent() {
        Customer known = portal.newCustomer(store, false);
        String unknownEmail = "nobody." + store.storeId() + "@example.com";
        String unknownPhone = Portal.uniqueUsNumber();

        HttpResponse forKnown = portal.requestCode(store, known.email());
        HttpResponse forUnknown = portal.requestCode(store, unknownEmail);
        HttpResponse forUnknownPhone = portal.requestCode(store, unknownPhone);

        assertThat(forUnknown.status()).isEqualTo(forKnown.status());
        assertThat(forUnknown.body()).isEqualTo(forKnown.body());
        assertThat(forUnknown.headers()).isEqualTo(forKnown.headers());
        assertThat(forUnknownPhone.body()).isEqualTo(forKnown.body());
        assertThat(portal.outbox().emailsTo(unknownEmail)).isEmpty();
        assertThat(portal.outbox().smsTo(unknownPhone)).isEmpty();
    }

    @Test
    void aCodeWorksOnlyOnce() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);

        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);
        HttpResponse again = portal.verifyCode(store, customer.email(), code);

        assertThat(again.status()).isEqualTo(401);
        assertThat(json(again)).containsEntry("error", "invalid_code");
    }

    @Test
    void expiredCodeIsRefusedBeforeTtlDeletesIt() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);

        portal.clock.advance(Duration.ofMinutes(10));

        HttpResponse late = portal.verifyCode(store, customer.email(), code);
        assertThat(late.status()).isEqualTo(401);
        assertThat(json(late)).containsEntry("error", "invalid_code");
    }

    @Test
    void codeStillWorksJustBeforeItExpires() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);

        portal.clock.advance(Duration.ofMinutes(10).minusSeconds(2));

        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);
    }

    @Test
    void afterFiveWrongAttemptsEvenTheRightCodeIsRefused() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);
        String wrong = code.equals("0000") ? "1111" : "0000";

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(portal.verifyCode(store, customer.email(), wrong).status()).isEqualTo(401);
        }
        HttpResponse right = portal.verifyCode(store, customer.email(), code);

        assertThat(right.status()).isEqualTo(401);
        assertThat(json(right)).containsEntry("error", "invalid_code");
    }

    @Test
    void fourWrongAttemptsStillLeaveTheRightCodeWorking() {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);
        String wrong = code.equals("0000") ? "1111" : "0000";

        for (int attempt = 0; attempt < 4; attempt++) {
            portal.verifyCode(store, customer.email(), wrong);
        }

        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(200);
    }

    @Test
    void aCodeIsOnlyCheckedForTheCustomerItWasSentTo() {
        Customer jane = portal.newCustomer(store, false);
        Customer other = portal.newCustomer(store, false);
        portal.requestCode(store, jane.email());
        portal.requestCode(store, other.email());
        String janesCode = portal.outbox().lastEmailTo(jane.email()).code().orElseThrow();
        String othersCode = portal.outbox().lastEmailTo(other.email()).code().orElseThrow();
        org.junit.jupiter.api.Assumptions.assumeFalse(janesCode.equals(othersCode), "codes collide 1 in 10,000");

        assertThat(portal.verifyCode(store, other.email(), janesCode).status()).isEqualTo(401);
        assertThat(portal.verifyCode(store, jane.email(), janesCode).status()).isEqualTo(200);
    }

    @Test
    void aNewRequestReplacesTheEarlierCode() {
        Customer customer = portal.newCustomer(store, false);
        String first = portal.emailedCode(store, customer);
        portal.clock.advance(Duration.ofSeconds(61));
        String second = portal.emailedCode(store, customer);
        org.junit.jupiter.api.Assumptions.assumeFalse(first.equals(second), "codes collide 1 in 10,000");

        assertThat(portal.verifyCode(store, customer.email(), first).status()).isEqualTo(401);
        assertThat(portal.verifyCode(store, customer.email(), second).status()).isEqualTo(200);
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

    @Test
    void codesExpireTenMinutesAfterIssue() {
        Customer customer = portal.newCustomer(store, false);
        Instant issued = portal.clock.instant();
        portal.requestCode(store, customer.email());
        portal.deliver();

        var item = portal.backend.dynamoDb().getItem(request -> request
                .tableName(portal.backend.table("LoginTable"))
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("login#" + store.storeId() + "#" + customer.customerId())))).item();

        assertThat(Long.parseLong(item.get("expiresAt").n())).isEqualTo(issued.plusSeconds(600).getEpochSecond());
    }
}
