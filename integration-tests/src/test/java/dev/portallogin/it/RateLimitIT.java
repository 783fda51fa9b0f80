package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Code requests are capped per identifier and network (1/min, 5/h, 10/day) and per network (20/h), typed codes per
 * network (60/h) and guesses at live codes per store (a ceiling), all in DynamoDB; behind CloudFront the viewer's
 * address counts.
 */
class RateLimitIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @Test
    void aSecondRequestWithinAMinuteIsRateLimitedWithRetryAfter() {
        Customer customer = portal.newCustomer(store, false);
        portal.requestCode(store, customer.email());
        portal.clock.advance(Duration.ofSeconds(20));

        HttpResponse again = portal.requestCode(store, customer.email());

        assertThat(again.status()).isEqualTo(429);
        assertThat(json(again)).containsEntry("error", "rate_limited");
        assertThat(again.header("Retry-After")).contains("40");
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
    }

    @Test
    void theLimitCountsTheIdentifierWhateverItsSpelling() {
        Customer customer = portal.newCustomer(store, false);
        portal.requestCode(store, customer.email());

        assertThat(portal.requestCode(store, "  " + customer.email().toUpperCase() + " ").status()).isEqualTo(429);
    }

    @Test
    void unknownIdentifiersAreLimitedExactlyLikeKnownOnes() {
        String unknown = "nobody." + store.storeId() + "@example.com";
        portal.requestCode(store, unknown);

        assertThat(portal.requestCode(store, unknown).status()).isEqualTo(429);
    }

    @Test
    void fivePerHourThenTenPerDay() {
        Customer customer = portal.newCustomer(store, false);
        for (int i = 0; i < 5; i++) {
            assertThat(portal.requestCode(store, customer.email()).status()).as("request %d", i + 1).isEqualTo(202);
            portal.deliver();
            portal.clock.advance(Duration.ofSeconds(61));
        }
        HttpResponse sixth = portal.requestCode(store, customer.email());
        assertThat(sixth.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(sixth.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(3600L - 5 * 61, 3600L - 4 * 61);

        portal.clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(portal.requestCode(store, customer.email()).status()).as("request %d", i + 6).isEqualTo(202);
            portal.deliver();
            portal.clock.advance(Duration.ofSeconds(61));
        }
        portal.clock.advance(Duration.ofHours(1));
        HttpResponse eleventh = portal.requestCode(store, customer.email());
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(Long.parseLong(eleventh.header("Retry-After").orElseThrow())).isGreaterThan(3600L * 20);
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(10);
    }

    @Test
    void twentyRequestsPerHourFromOneAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(portal.requestCode(store, "visitor" + i + "." + store.storeId() + "@example.com").status())
                    .as("request %d", i + 1).isEqualTo(202);
        }

        HttpResponse next = portal.requestCode(store, "visitor20." + store.storeId() + "@example.com");

        assertThat(next.status()).isEqualTo(429);
        assertThat(next.header("Retry-After")).isPresent();
    }

    @Test
    void sixtyCodesAnHourMayBeTypedFromOneAddress() {
        for (int i = 0; i < 60; i++) {
            assertThat(portal.verifyCode(store, "guess" + i + "." + store.storeId() + "@example.com", "1234").status())
                    .as("attempt %d", i + 1).isEqualTo(401);
        }

        HttpResponse next = portal.verifyCode(store, "guess60." + store.storeId() + "@example.com", "1234");

        assertThat(next.status()).isEqualTo(429);
        assertThat(next.header("Retry-After")).isPresent();
        Figures.record("Codes typed per source address: 60 an hour", "RateLimitIT.sixtyCodesAnHourMayBeTypedFromOne"
                + "Address", "the 61st in an hour: 429 with Retry-After");
    }

    @Test
    void aStoreCeilingOnGuessesAtLiveCodesStopsSprayingAcrossCustomersAndJunkNeverFillsIt() {
        Portal capped = new Portal(Map.of("STORE_VERIFY_RATE_LIMIT", "5/3600"));
        Store sprayed = capped.newStore("US");
        for (int i = 0; i < 20; i++) {
            assertThat(verifyFrom(capped, sprayed, "198.18.1." + (i + 1)).status()).as("junk %d", i).isEqualTo(401);
        }
        for (int i = 0; i < 5; i++) {
            Customer customer = capped.newCustomer(sprayed, false);
            String code = capped.emailedCode(sprayed, customer);
            assertThat(guessFrom(capped, sprayed, customer.email(), code.equals("0000") ? "1111" : "0000",
                    "198.18.0." + (i + 1)).status()).isEqualTo(401);
        }

        HttpResponse sixth = verifyFrom(capped, sprayed, "198.18.0.6");

        assertThat(sixth.status()).as("at the ceiling everyone's answer is the same").isEqualTo(429);
        assertThat(verifyFrom(capped, store, "198.18.0.7").status()).as("other stores are not affected")
                .isEqualTo(401);
        Figures.record("Ceiling on guesses at live codes per store (spraying), with an alarm", "RateLimitIT.aStore"
                + "CeilingOnGuessesAtLiveCodesStopsSprayingAcrossCustomersAndJunkNeverFillsIt", "ceiling set to 5 an "
                + "hour: 20 junk codes (unknown identifiers) count nothing; 5 wrong guesses at 5 customers' live codes "
                + "fill it; the next, from a 6th address: 429; metric RateLimited Scope=verify-store, "
                + "VerifySprayingAlarm at the first");
    }

    private static HttpResponse guessFrom(Portal portal, Store store, String identifier, String code,
                                          String address) {
        return portal.send(new HttpRequest("POST", "/login/verify", Map.of(), Map.of("content-type",
                "application/json"), Json.write(Map.of("storeId", store.storeId(), "identifier", identifier,
                "code", code)), address));
    }

    private static HttpResponse verifyFrom(Portal portal, Store store, String address) {
        return guessFrom(portal, store, "x." + address + "@example.com", "1234", address);
    }

    /** The origin secret the stack gave CloudFront to send, read as an operator would. */
    private String originSecret() {
        try (SecretsManagerClient secrets = portal.backend.aws().build(SecretsManagerClient.builder())) {
            return secrets.getSecretValue(request -> request.secretId(portal.backend.physicalIds()
                    .get("OriginVerifySecret"))).secretString();
        }
    }

    private HttpResponse requestThroughCloudFront(String viewer, String secret, int n) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("content-type", "application/json",
                "cloudfront-viewer-address", viewer + ":51234"));
        if (secret != null) {
            headers.put("x-origin-verify", secret);
        }
        return portal.send(new HttpRequest("POST", "/login/code", Map.of(), headers, Json.write(Map.of(
                "storeId", store.storeId(), "identifier", "viewer" + n + "." + store.storeId() + "@example.com")),
                "130.176.0.1"));
    }

    @Test
    void behindCloudFrontTheViewerAddressCountsOnlyWhenTheRequestCarriesTheOriginSecret() {
        String secret = originSecret();
        for (int i = 0; i < 20; i++) {
            assertThat(requestThroughCloudFront("192.0.2.10", secret, i).status()).isEqualTo(202);
        }
        assertThat(requestThroughCloudFront("192.0.2.10", secret, 20).status()).as("that viewer's 21st")
                .isEqualTo(429);
        assertThat(requestThroughCloudFront("192.0.2.11", secret, 21).status()).as("another viewer, same edge")
                .isEqualTo(202);

        Portal spoofed = new Portal();
        Store other = spoofed.newStore("US");
        int answered = 0;
        for (int i = 0; i < 21; i++) {
            Map<String, String> headers = Map.of("content-type", "application/json",
                    "cloudfront-viewer-address", "192.0.2." + (100 + i) + ":4000", "x-origin-verify", "guessed");
            if (spoofed.send(new HttpRequest("POST", "/login/code", Map.of(), headers, Json.write(Map.of(
                    "storeId", other.storeId(), "identifier", "spoof" + i + "@example.com")), "198.19.0.1"))
                    .status() == 202) {
                answered++;
            }
        }
        assertThat(answered).as("a claimed viewer address without the secret counts the source address")
                .isEqualTo(20);
        Figures.record("Per-address limits behind CloudFront", "RateLimitIT.behindCloudFrontTheViewerAddressCounts"
                + "OnlyWhenTheRequestCarriesTheOriginSecret", "with the origin secret: each viewer gets its own 20 an "
                + "hour through one CloudFront address; 21 requests claiming 21 viewers without the secret: 20 "
                + "answered, the 21st 429 (counted on the source address)");
    }
}
