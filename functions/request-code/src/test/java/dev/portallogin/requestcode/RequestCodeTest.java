package dev.portallogin.requestcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PortalFailure.ForbiddenOrigin;
import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.RequestOrigin;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.testing.Fakes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of asking for a code, on in-memory ports. */
class RequestCodeTest {

    private final Fakes fakes = new Fakes();
    private final RequestCode requestCode = new RequestCode(fakes.directory, fakes.logins, fakes.rateLimiter,
            fakes.queue, fakes.codeKey, fakes.config(), fakes.clock);
    private final Store store = fakes.store("acme", "US");
    private int addresses;

    private void ask(String identifier) {
        ask(identifier, "198.51.100." + (++addresses % 250 + 1), RequestOrigin.none());
    }

    private void ask(String identifier, String address, RequestOrigin origin) {
        requestCode.request(new RequestCode.Request(store.storeId(), identifier, address, "browser-hash", origin));
    }

    @Test
    void aKnownCustomerGetsTheCodeAndLinkByEmailAndTheCodeBySmsAsTwoQueuedMessages() {
        Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");

        ask("Jane@Example.com");

        List<OutgoingMessage> queued = fakes.queue.queued;
        assertThat(queued).extracting(OutgoingMessage::channel).containsExactly("email", "sms");
        OutgoingMessage email = queued.get(0);
        String code = email.email().subject().substring(0, 4);
        assertThat(email.email().to().value()).isEqualTo("jane@example.com");
        assertThat(email.email().html()).contains("https://portal.acme.example/login/magic?token=");
        assertThat(queued.get(1).sms().to()).isEqualTo(jane.phoneE164());
        assertThat(queued.get(1).sms().text()).startsWith(code + " is your Store acme login code");
        assertThat(email.expiresAt()).isEqualTo(fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void anUnknownIdentifierIsAnsweredAlikeAndGetsNothing() {
        ask("nobody@example.com");
        ask("+12015550199");

        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void theLinkRemembersTheAskingBrowserAndTheMaskedAddressOnly() {
        Customer jane = fakes.customer(store, "jane@example.com", null);

        ask("jane@example.com");

        String hash = fakes.logins.currentCustomerLinkHash(store.storeId(), jane.customerId()).orElseThrow();
        var link = fakes.logins.findLink(hash).orElseThrow();
        assertThat(link.browserHash()).isEqualTo("browser-hash");
        assertThat(link.sentTo()).isEqualTo("j***@example.com");
    }

    @Test
    void aNewRequestReplacesTheEarlierCodeAndLink() {
        Customer jane = fakes.customer(store, "jane@example.com", null);
        ask("jane@example.com");
        String first = fakes.logins.currentCustomerLinkHash(store.storeId(), jane.customerId()).orElseThrow();
        fakes.clock.advance(Duration.ofSeconds(61));

        ask("jane@example.com");

        assertThat(fakes.logins.currentCustomerLinkHash(store.storeId(), jane.customerId())).get()
                .isNotEqualTo(first);
    }

    @Test
    void smsGoesOnlyToThePhoneOnRecordAndOnlyToTheStoresCountries() {
        fakes.customer(store, "abroad@example.com", "+447400123456");

        ask("abroad@example.com");
        ask("+447400123456");

        assertThat(fakes.queue.sms()).isEmpty();
        assertThat(fakes.queue.emails()).hasSize(1);
    }

    @Test
    void aCustomerWithoutAnyChannelGetsNothingAndTheSameAnswer() {
        fakes.customer(store, "not an address", "+447400123457");

        ask("+447400123457");

        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void aSecondRequestWithinAMinuteIsRefusedWithTheWait() {
        fakes.customer(store, "jane@example.com", null);
        ask("jane@example.com");
        fakes.clock.advance(Duration.ofSeconds(20));

        assertThatThrownBy(() -> ask("JANE@example.com")).isInstanceOfSatisfying(RateLimited.class,
                limited -> assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(40)));
    }

    @Test
    void twentyRequestsAnHourFromOneAddress() {
        for (int i = 0; i < 20; i++) {
            ask("visitor" + i + "@example.com", "192.0.2.1", RequestOrigin.none());
        }

        assertThatThrownBy(() -> ask("visitor20@example.com", "192.0.2.1", RequestOrigin.none()))
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void aCustomersEmailAndPhoneShareOneDailyBudgetWhichRefusesSilently() {
        fakes.customer(store, "jane@example.com", "+12015550123");
        for (int hour = 0; hour < 10; hour++) {
            ask("jane@example.com");
            fakes.clock.advance(Duration.ofSeconds(61));
            ask("+12015550123");
            fakes.clock.advance(Duration.ofMinutes(60));
        }

        assertThat(fakes.queue.sms()).hasSize(10);
    }

    @Test
    void whilePausedTheCustomerGetsTheReasonAndALinkByEmailButNoCode() {
        Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");
        lock(jane);

        ask("jane@example.com");

        assertThat(fakes.queue.queued).singleElement().satisfies(message -> {
            assertThat(message.purpose()).isEqualTo("code-login-paused");
            assertThat(message.email().text()).contains("paused until 27 Nov 2026, 12:00 UTC", "/login/magic?token=")
                    .doesNotContain(" is your ");
        });
    }

    @Test
    void aPausedCustomerWithoutEmailIsToldBySms() {
        Customer phoneOnly = fakes.customer(store, null, "+12015550124");
        lock(phoneOnly);

        ask("+12015550124");

        assertThat(fakes.queue.sms()).singleElement().satisfies(message ->
                assertThat(message.sms().text()).contains("paused until", "support").doesNotMatch("^\\d{4} .*"));
    }

    private void lock(Customer customer) {
        for (int i = 0; i < 20; i++) {
            fakes.directory.countCodeGuess(store.storeId(), customer.customerId(), 20, Duration.ofDays(1),
                    fakes.clock.instant());
        }
    }

    @Test
    void aQueueThatFailsLeavesNothingCountedAgainstTheCustomer() {
        fakes.customer(store, "jane@example.com", null);
        fakes.queue.failNext(new DeliveryException("queue", new IOException("down"), false));

        assertThatThrownBy(() -> ask("jane@example.com")).isInstanceOf(DeliveryException.class);
        ask("jane@example.com");

        assertThat(fakes.queue.emails()).hasSize(1);
    }

    @Test
    void anotherSitesPageIsRefused() {
        fakes.customer(store, "jane@example.com", null);

        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.2",
                new RequestOrigin("https://evil.example", null))).isInstanceOf(ForbiddenOrigin.class);
        assertThatThrownBy(() -> ask("jane@example.com", "192.0.2.2", new RequestOrigin(null, "cross-site")))
                .isInstanceOf(ForbiddenOrigin.class);
        ask("jane@example.com", "192.0.2.2", new RequestOrigin("https://portal.acme.example", "same-origin"));
        assertThat(fakes.queue.emails()).hasSize(1);
    }

    @Test
    void anUnknownStoreAndAnIdentifierThatIsNeitherAreRefused() {
        assertThatThrownBy(() -> requestCode.request(new RequestCode.Request("nowhere", "jane@example.com", null,
                null, RequestOrigin.none()))).isInstanceOf(UnknownStore.class);
        assertThatThrownBy(() -> ask("jane at example")).isInstanceOf(InvalidIdentifier.class);
    }

    @Test
    void aPhoneNumberTypedInAnyFormatFindsTheCustomer() {
        fakes.customer(store, "jane@example.com", "+12015550123");

        ask("(201) 555-0123");

        assertThat(fakes.queue.queued).extracting(OutgoingMessage::channel).containsExactly("email", "sms");
    }
}
