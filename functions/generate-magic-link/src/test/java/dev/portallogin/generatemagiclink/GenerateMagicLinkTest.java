package dev.portallogin.generatemagiclink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.NoValidEmail;
import dev.portallogin.core.domain.PortalFailure.SubscriptionNotFound;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.generatemagiclink.GenerateMagicLink.GeneratedLink;
import dev.portallogin.generatemagiclink.GenerateMagicLink.Kind;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Support's magic and portal links, on in-memory ports. */
class GenerateMagicLinkTest {

    private final Fakes fakes = new Fakes();
    private final GenerateMagicLink generate = new GenerateMagicLink(fakes.stores, fakes.customers, fakes.logins,
            fakes.queue,
            fakes.audit, fakes.policy(), fakes.clock);
    private final Store acme = fakes.store("acme", "US");
    private final Store other = fakes.store("other", "US");
    private final Customer jane = fakes.customer(acme, "jane@example.com", null);
    private final Actor alice = Actor.agent(PrincipalArn.parse(Fakes.AGENT_SESSION).orElseThrow(), "alice");

    private GeneratedLink link(Actor caller, String storeId, String customerId, Kind kind, boolean send) {
        return generate.generate(new GenerateMagicLink.Request(caller, storeId, customerId, null, kind, send));
    }

    @Test
    void aMagicLinkIsFreshSingleUseForTenMinutesAndLivesBesideTheCustomersOwn() {
        GeneratedLink link = link(alice, "acme", jane.customerId(), Kind.MAGIC, false);

        assertThat(link.url()).startsWith("https://portal.acme.example/login/magic?token=");
        assertThat(link.expiresAt()).isEqualTo(fakes.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(link.emailSent()).isFalse();
        assertThat(fakes.queue.queued).isEmpty();
    }

    @Test
    void sendingQueuesItForTheAddressOnFileOnly() {
        GeneratedLink link = link(alice, "acme", jane.customerId(), Kind.MAGIC, true);

        assertThat(link.emailSent()).isTrue();
        assertThat(fakes.queue.emails()).singleElement().satisfies(message -> {
            assertThat(message.email().to().value()).isEqualTo("jane@example.com");
            assertThat(message.email().html()).contains(link.url());
        });
    }

    @Test
    void aQueueThatCannotTakeTheEmailStillGivesTheAgentTheLink() {
        fakes.queue.failNext(new DeliveryException("queue", new IOException("down"), false));

        GeneratedLink link = link(alice, "acme", jane.customerId(), Kind.MAGIC, true);

        assertThat(link.emailSent()).isFalse();
        assertThat(link.url()).contains("token=");
    }

    @Test
    void aPortalLinkIsTheStoresLoginPageWithoutCredentialAndNeedsNoEmail() {
        Customer noEmail = fakes.customer(acme, null, null);

        GeneratedLink link = link(alice, "acme", noEmail.customerId(), Kind.PORTAL, false);

        assertThat(link.url()).isEqualTo("https://portal.acme.example/login?store=acme");
        assertThat(link.expiresAt()).isNull();
    }

    @Test
    void noMagicLinkForAMissingInvalidBouncingOrComplainedAddress() {
        Customer missing = fakes.customer(acme, null, null);
        Customer invalid = fakes.customer(acme, "not an address", null);
        Customer bouncing = fakes.directory.add(new Customer("acme", "bouncing", "bo@example.com", null, "Bo", "Unce",
                true, null));

        for (Customer customer : new Customer[] {missing, invalid, bouncing}) {
            assertThatThrownBy(() -> link(alice, "acme", customer.customerId(), Kind.MAGIC, false))
                    .isInstanceOf(NoValidEmail.class);
        }
    }

    @Test
    void aSubscriptionFindsItsCustomer() {
        fakes.subscription(jane, "sub-1");

        GeneratedLink link = generate.generate(new GenerateMagicLink.Request(alice, "acme", null, "sub-1", Kind.MAGIC,
                false));

        assertThat(link.customerId()).isEqualTo(jane.customerId());
        assertThatThrownBy(() -> generate.generate(new GenerateMagicLink.Request(alice, "acme", null, "sub-none",
                Kind.MAGIC, false))).isInstanceOf(SubscriptionNotFound.class);
        assertThatThrownBy(() -> link(alice, "acme", "nobody", Kind.MAGIC, false))
                .isInstanceOf(CustomerNotFound.class);
    }

    @Test
    void anAgentActsOnlyOnTheStoresThatListThemAndAStoreThatDoesNotExistLooksTheSame() {
        Store elsewhere = fakes.directory.add(new Store("closed", "Closed", "https://closed.example",
                "login@closed.example", "US", java.util.Set.of(), java.util.Set.of()))
                .findStore("closed").orElseThrow();

        assertThatThrownBy(() -> link(alice, elsewhere.storeId(), jane.customerId(), Kind.MAGIC, false))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> link(alice, "nowhere", jane.customerId(), Kind.MAGIC, false))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> link(Actor.trustedBackend("a-1"), "nowhere", jane.customerId(), Kind.MAGIC, false))
                .isInstanceOf(UnknownStore.class);
        assertThat(link(alice, other.storeId(), fakes.customer(other, "o@example.com", null).customerId(),
                Kind.PORTAL, false)).isNotNull();
    }

    @Test
    void everyLinkIsAuditedWithTheSignedInPrincipal() {
        link(alice, "acme", jane.customerId(), Kind.MAGIC, true);
        link(alice, "acme", jane.customerId(), Kind.PORTAL, false);

        assertThat(fakes.audit.list("acme", jane.customerId(), 10)).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("magic_link_generated", "portal_link_generated");
        assertThat(fakes.audit.all()).allSatisfy(entry -> {
            assertThat(entry.actor().principal()).isEqualTo(Fakes.SUPPORT_ROLE);
            assertThat(entry.actor().session()).isEqualTo("alice");
            assertThat(entry.details().toString()).doesNotContain("token=").doesNotContain("jane@example.com");
        });
    }
}
