package dev.portallogin.delivermessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.BrowserToken;
import dev.portallogin.core.domain.CodeGuesses;
import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.delivermessage.IssueCode.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Serving a customer's ask for a code after the queue, on in-memory ports. */
class IssueCodeTest {

    private final Fakes fakes = new Fakes();
    private final IssueCode issueCode = new IssueCode(fakes.stores, fakes.customers, fakes.logins, fakes.devices,
            fakes.rateLimiter, fakes.queue, fakes.deliveryRecords, fakes.codeKey, fakes.audit, fakes.policy(),
                    fakes.clock);
    private final Store store = fakes.store("acme", "US");

    private CodeRequest request(String identifier, String network, String deviceHash) {
        return new CodeRequest(UUID.randomUUID().toString(), store.storeId(), identifier, network, deviceHash,
                "browser-hash", fakes.clock.instant(), fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    /** A browser that signed in as {@code customerId} and is remembered for 90 days. */
    private BrowserToken browserSignedInAs(String customerId) {
        BrowserToken device = BrowserToken.generate();
        fakes.devices.remember(new TrustedDevice(device.hash(), store.storeId(), customerId, fakes.clock.instant(),
                fakes.clock.instant().plus(Duration.ofDays(90))));
        return device;
    }

    private Outcome ask(String identifier) {
        return issueCode.issue(request(identifier, "198.51.100.1", null));
    }

    @Test
    void aKnownCustomerGetsTheCodeAndLinkByEmailAndTheCodeBySmsAsTwoQueuedMessages() {
        Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");

        assertThat(ask("jane@example.com")).isEqualTo(Outcome.ISSUED);

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
    void theMessagesNameTheLifetimesThePolicySets() {
        IssueCode longerLinks = new IssueCode(fakes.stores, fakes.customers, fakes.logins, fakes.devices,
                fakes.rateLimiter,
                fakes.queue, fakes.deliveryRecords, fakes.codeKey, fakes.audit, fakes.policy("LINK_TTL_SECONDS",
                        "1800"),
                fakes.clock);
        fakes.customer(store, "jane@example.com", "+12015550123");

        longerLinks.issue(request("jane@example.com", "198.51.100.1", null));

        OutgoingMessage email = fakes.queue.queued.get(0);
        assertThat(email.email().text()).contains("The code expires in 10 minutes (at ", "), the link in 30 minutes.");
        assertThat(email.expiresAt()).isEqualTo(fakes.clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(fakes.queue.queued.get(1).sms().text()).contains("It expires in 10 minutes.");
    }

    @Test
    void anUnknownIdentifierGetsNothing() {
        assertThat(ask("nobody@example.com")).isEqualTo(Outcome.NOT_A_CUSTOMER);
        assertThat(ask("+12015550199")).isEqualTo(Outcome.NOT_A_CUSTOMER);

        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void twoCopiesOfOneRequestIssueOneCode() {
        fakes.customer(store, "jane@example.com", null);
        CodeRequest request = request("jane@example.com", "198.51.100.1", null);

        issueCode.issue(request);

        assertThat(issueCode.issue(request)).isEqualTo(Outcome.ALREADY_HANDLED);
        assertThat(fakes.queue.emails()).hasSize(1);
    }

    @Test
    void aRequestThatWaitedPastItsLifetimeIsDropped() {
        fakes.customer(store, "jane@example.com", null);
        CodeRequest request = request("jane@example.com", "198.51.100.1", null);
        fakes.clock.advance(Duration.ofMinutes(10));

        assertThat(issueCode.issue(request)).isEqualTo(Outcome.EXPIRED);
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

        assertThat(fakes.queue.sms()).isEmpty();
        assertThat(fakes.queue.emails()).hasSize(1);
    }

    @Test
    void aCustomerWithoutAnyChannelGetsNothing() {
        fakes.customer(store, "not an address", "+447400123457");

        assertThat(ask("+447400123457")).isEqualTo(Outcome.NO_CHANNEL);
        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void aCustomersEmailAndPhoneShareOneBudgetPerNetwork() {
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
    void tenRequestsFromAStrangersNetworkLeaveTheCustomersOtherNetworksAndHerBrowserTheirBudget() {
        Customer jane = fakes.customer(store, "jane@example.com", null);
        BrowserToken device = browserSignedInAs(jane.customerId());
        for (int i = 0; i < 10; i++) {
            assertThat(issueCode.issue(request("jane@example.com", "203.0.113.66", null))).isEqualTo(Outcome.ISSUED);
            fakes.clock.advance(Duration.ofMinutes(61));
        }
        assertThat(issueCode.issue(request("jane@example.com", "203.0.113.66", null)))
                .isEqualTo(Outcome.BUDGET_SPENT);

        assertThat(issueCode.issue(request("jane@example.com", "198.51.100.20", null))).isEqualTo(Outcome.ISSUED);
        fakes.clock.advance(Duration.ofSeconds(61));
        assertThat(issueCode.issue(request("jane@example.com", "203.0.113.66", device.hash())))
                .isEqualTo(Outcome.ISSUED);
    }

    @Test
    void strangersOnManyNetworksTogetherSendHerAtMostTheCustomerCeilingButNeverStopHerBrowser() {
        Customer jane = fakes.customer(store, "jane@example.com", null);
        BrowserToken device = browserSignedInAs(jane.customerId());
        int issued = 0;
        for (int network = 0; network < 100; network++) {
            if (issueCode.issue(request("jane@example.com", "203.0.113." + network, null)) == Outcome.ISSUED) {
                issued++;
            }
        }

        assertThat(issued).isEqualTo(30);
        assertThat(issueCode.issue(request("jane@example.com", "203.0.113.200", device.hash())))
                .isEqualTo(Outcome.ISSUED);
    }

    @Test
    void anotherCustomersDeviceCountsLikeNone() {
        fakes.customer(store, "jane@example.com", null);
        BrowserToken device = browserSignedInAs("someone-else");
        issueCode.issue(request("jane@example.com", "203.0.113.66", null));

        assertThat(issueCode.issue(request("jane@example.com", "203.0.113.66", device.hash())))
                .isEqualTo(Outcome.BUDGET_SPENT);
    }

    @Test
    void whilePausedTheCustomerGetsTheReasonAndALinkByEmailButNoCode() {
        Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");
        lock(jane);

        assertThat(ask("jane@example.com")).isEqualTo(Outcome.PAUSED_NOTICE);

        assertThat(fakes.queue.queued).singleElement().satisfies(message -> {
            assertThat(message.purpose()).isEqualTo("code-login-paused");
            assertThat(message.email().text())
                    .contains("paused until Nov 27, 2026, 12:00", "PM UTC", "/login/magic?token=")
                    .doesNotContain(" is your ");
        });
    }

    @Test
    void aPauseStrangersCausedDoesNotStopABrowserTheCustomerSignedInWith() {
        Customer jane = fakes.customer(store, "jane@example.com", null);
        BrowserToken device = browserSignedInAs(jane.customerId());
        lock(jane);

        assertThat(issueCode.issue(request("jane@example.com", "198.51.100.1", device.hash())))
                .isEqualTo(Outcome.ISSUED);
    }

    @Test
    void askingFromANetworkWhereHerCodeSignInIsPausedBringsThePauseNoticeAndElsewhereACode() {
        Customer jane = fakes.customer(store, "jane@example.com", null);
        for (int i = 0; i < 10; i++) {
            fakes.rateLimiter.tryCount(LimitKey.guessesFrom(store.storeId(), jane.customerId(), "203.0.113.66"),
                    CodeGuesses.perNetwork(10), fakes.clock.instant());
        }

        assertThat(issueCode.issue(request("jane@example.com", "203.0.113.66", null)))
                .isEqualTo(Outcome.PAUSED_NOTICE);
        fakes.clock.advance(Duration.ofSeconds(61));
        assertThat(issueCode.issue(request("jane@example.com", "198.51.100.5", null))).isEqualTo(Outcome.ISSUED);
        assertThat(fakes.queue.emails().get(0).email().text()).contains("paused until Nov 27, 2026, 12:00", "AM UTC");
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
    void aQueueThatFailsLeavesNothingCountedAndTheRetryIssues() {
        fakes.customer(store, "jane@example.com", null);
        CodeRequest request = request("jane@example.com", "198.51.100.1", null);
        fakes.queue.failNext(new DeliveryException("queue", new IOException("down"), false));

        assertThatThrownBy(() -> issueCode.issue(request)).isInstanceOf(DeliveryException.class);

        assertThat(issueCode.issue(request)).isEqualTo(Outcome.ISSUED);
        assertThat(fakes.queue.emails()).hasSize(1);
    }
}
