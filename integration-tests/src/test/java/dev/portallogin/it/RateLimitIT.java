package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Code requests are capped per identifier (1/min, 5/h, 10/day) and per source IP (20/h), in DynamoDB. */
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
}
