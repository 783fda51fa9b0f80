package dev.portallogin.requestcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import dev.portallogin.core.testing.Fakes;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rules of asking for a code on the request path, on in-memory ports. */
class RequestCodeTest {

    private final Fakes fakes = new Fakes();
    private final RequestCode requestCode = new RequestCode(fakes.signInContext,
            fakes.rateLimiter, fakes.queue, fakes.policy(), fakes.clock);
    private final Store store = fakes.store("acme", "US");
    private int addresses;

    private void ask(String identifier) {
        ask(identifier, "198.51.100." + (++addresses % 250 + 1), null, RequestOrigin.none());
    }

    private void ask(String identifier, String address, String deviceCookie, RequestOrigin origin) {
        requestCode.request(new RequestCode.Request(store.storeId(), identifier, address, deviceCookie,
                "browser-hash", origin));
    }

    @Test
    void everyIdentifierIsHandedToTheQueueAlikeWhetherOrNotItIsACustomer() {
        fakes.customer(store, "jane@example.com", "+12015550123");

        ask("Jane@Example.com", "198.51.100.7", null, RequestOrigin.none());
        ask("nobody@example.com", "198.51.100.8", null, RequestOrigin.none());

        assertThat(fakes.queue.requests).extracting(CodeRequest::identifier)
                .containsExactly("jane@example.com", "nobody@example.com");
        assertThat(fakes.queue.requests.get(0).network()).isEqualTo("198.51.100.7");
        assertThat(fakes.queue.requests.get(0).browserHash()).isEqualTo("browser-hash");
        assertThat(fakes.queue.requests.get(0).expiresAt()).isEqualTo(fakes.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(fakes.queue.queued).as("nothing is issued on the request path").isEmpty();
    }

    @Test
    void aPhoneNumberTypedInAnyFormatIsQueuedInItsNormalForm() {
        ask("(201) 555-0123");

        assertThat(fakes.queue.requests).extracting(CodeRequest::identifier).containsExactly("+12015550123");
    }

    @Test
    void aSecondRequestWithinAMinuteFromTheSameNetworkIsRefusedWithTheWait() {
        ask("jane@example.com", "192.0.2.1", null, RequestOrigin.none());
        fakes.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> ask("JANE@example.com", "192.0.2.1", null, RequestOrigin.none()))
                .isInstanceOfSatisfying(RateLimited.class,
                        limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(40)));
    }

    @Test
    void tenRequestsForAnIdentifierFromOneNetworkLeaveItsOtherNetworksUntouched() {
        for (int hour = 0; hour < 10; hour++) {
            ask("jane@example.com", "192.0.2.1", null, RequestOrigin.none());
            fakes.clock.advance(Duration.ofMinutes(61));
        }
        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.1", null, RequestOrigin.none()))
                .isInstanceOf(RateLimited.class);

        ask("jane@example.com", "203.0.113.9", null, RequestOrigin.none());

        assertThat(fakes.queue.requests).hasSize(11);
    }

    @Test
    void addressesInOneIpv6Slash64ShareOneBudget() {
        ask("jane@example.com", "2001:db8:1:2::1", null, RequestOrigin.none());

        assertThatThrownBy(() -> ask("jane@example.com", "2001:db8:1:2:ffff:1:2:3", null, RequestOrigin.none()))
                .isInstanceOf(RateLimited.class);
        ask("jane@example.com", "2001:db8:1:3::1", null, RequestOrigin.none());
    }

    @Test
    void twentyRequestsAnHourFromOneNetwork() {
        for (int i = 0; i < 20; i++) {
            ask("visitor" + i + "@example.com", "192.0.2.1", null, RequestOrigin.none());
        }

        assertThatThrownBy(() -> ask("visitor20@example.com", "192.0.2.1", null, RequestOrigin.none()))
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void aBrowserThatSignedInHereCountsOnItsOwnAndPassesItsDeviceOn() {
        BrowserToken device = BrowserToken.generate();
        fakes.devices.remember(new TrustedDevice(device.hash(), store.storeId(), "cus-1", fakes.clock.instant(),
                fakes.clock.instant().plus(Duration.ofDays(90))));
        for (int i = 0; i < 20; i++) {
            ask("visitor" + i + "@example.com", "192.0.2.1", null, RequestOrigin.none());
        }

        ask("jane@example.com", "192.0.2.1", device.value(), RequestOrigin.none());

        assertThat(fakes.queue.requests.get(20).deviceHash()).isEqualTo(device.hash());
    }

    @Test
    void aDeviceOfAnotherStoreOrAnUnknownOneCountsLikeNone() {
        BrowserToken elsewhere = BrowserToken.generate();
        fakes.devices.remember(new TrustedDevice(elsewhere.hash(), "other-store", "cus-1", fakes.clock.instant(),
                fakes.clock.instant().plus(Duration.ofDays(90))));

        ask("jane@example.com", "192.0.2.1", elsewhere.value(), RequestOrigin.none());
        fakes.clock.advance(Duration.ofSeconds(5));

        assertThat(fakes.queue.requests.get(0).deviceHash()).isNull();
        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.1", BrowserToken.generate().value(),
                RequestOrigin.none())).isInstanceOf(RateLimited.class);
    }

    @Test
    void aQueueThatFailsLeavesNothingCounted() {
        fakes.queue.failNext(new DeliveryException("queue", new IOException("down"), false));

        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.1", null, RequestOrigin.none()))
                .isInstanceOf(DeliveryException.class);
        ask("jane@example.com", "192.0.2.1", null, RequestOrigin.none());

        assertThat(fakes.queue.requests).hasSize(1);
    }

    @Test
    void anotherSitesPageIsRefused() {
        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.2", null,
                new RequestOrigin("https://evil.example", null))).isInstanceOf(ForbiddenOrigin.class);
        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.2", null, new RequestOrigin(null, "cross-site")))
                .isInstanceOf(ForbiddenOrigin.class);
        ask("jane@example.com", "192.0.2.2", null,
                new RequestOrigin("https://portal.acme.example", "same-origin"));
        assertThat(fakes.queue.requests).hasSize(1);
    }

    @Test
    void anUnknownStoreAndAnIdentifierThatIsNeitherAreRefused() {
        assertThatThrownBy(() -> requestCode.request(new RequestCode.Request("nowhere", "jane@example.com", null,
                null, null, RequestOrigin.none()))).isInstanceOf(UnknownStore.class);
        assertThatThrownBy(() -> ask("jane at example")).isInstanceOf(InvalidIdentifier.class);
    }
}
