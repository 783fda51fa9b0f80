package dev.portallogin.supportlookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.Stores.StoreGrant;
import dev.portallogin.core.testing.Fakes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What support reads (stores, search, profile, trail), on in-memory ports. */
class SupportLookupTest {

    private final Fakes fakes = new Fakes();
    private final SupportDirectory lookups = new SupportDirectory(fakes.stores, fakes.customers, fakes.audit,
            fakes.policy(),
            fakes.clock);
    private final AuditTrail trail = new AuditTrail(fakes.stores, fakes.customers, fakes.audit);
    private final Store acme = fakes.store("acme", "US");
    private final Customer jane = fakes.customer(acme, "jane@example.com", "+12015550123");
    private final Actor alice = Actor.agent(PrincipalArn.parse(Fakes.AGENT_SESSION).orElseThrow(), "alice");

    @Test
    void searchFindsByExactEmailPhoneIdsAndNamePrefixNeverByPartOfAnAddress() {
        Customer jose = fakes.directory.add(new Customer("acme", "c-jose", "jose@example.net", null, "José", "Díaz",
                false, null));
        fakes.subscription(jose, "sub-77");

        assertThat(ids(lookups.search(alice, "acme", "JANE@example.com"))).containsExactly(jane.customerId());
        assertThat(ids(lookups.search(alice, "acme", "(201) 555-0123"))).containsExactly(jane.customerId());
        assertThat(ids(lookups.search(alice, "acme", "c-jose"))).containsExactly("c-jose");
        assertThat(ids(lookups.search(alice, "acme", "sub-77"))).containsExactly("c-jose");
        assertThat(ids(lookups.search(alice, "acme", "jose d"))).containsExactly("c-jose");
        assertThat(ids(lookups.search(alice, "acme", "diaz"))).containsExactly("c-jose");
        assertThat(lookups.search(alice, "acme", "example.com")).isEmpty();
        assertThatThrownBy(() -> lookups.search(alice, "acme", "j")).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void searchesAndProfileViewsAreAuditedWithTheTermMasked() {
        lookups.search(alice, "acme", "jane@example.com");
        lookups.customer(alice, "acme", jane.customerId());

        assertThat(fakes.audit.all()).extracting(AuditEntry::action, entry -> entry.details().get("term"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customers_searched", "j***@example.com"),
                        org.assertj.core.groups.Tuple.tuple("profile_viewed", null));
    }

    @Test
    void anAgentSeesOnlyTheStoresThatListThem() {
        Store closed = new Store("closed", "Closed", "https://closed.example", "l@closed.example", "US", Set.of(),
                Set.of("arn:aws:iam::123456789012:role/Other"));
        fakes.directory.add(closed);
        fakes.directory.add(new Customer("closed", "c-1", "x@example.com", null, "X", "Y", false, null));

        assertThat(lookups.stores(alice)).extracting(StoreGrant::storeId).containsExactly("acme");
        assertThat(lookups.stores(Actor.trustedBackend("a-1"))).extracting(StoreGrant::storeId)
                .containsExactly("acme", "closed");
        assertThatThrownBy(() -> lookups.search(alice, "closed", "x@example.com")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> lookups.customer(alice, "closed", "c-1")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> trail.list(alice, "closed", "c-1")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> lookups.customer(alice, "nowhere", "c-1")).isInstanceOf(Forbidden.class);
    }

    private static List<String> ids(List<Customer> customers) {
        return customers.stream().map(Customer::customerId).toList();
    }
}
