package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.port.CustomerDirectory.EmailChange;
import dev.portallogin.core.port.CustomerDirectory.EmailProblem;
import dev.portallogin.core.port.CustomerDirectory.Guess;
import dev.portallogin.core.port.CustomerDirectory.StoreGrant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerDirectory} does, run against the in-memory one (unit tests) and the DynamoDB one on
 * the emulator (integration tests), so the fakes the use-case tests run on cannot drift from the real adapter. Each
 * test works in stores of its own, so a shared table is fine.
 */
public abstract class CustomerDirectoryContract {

    protected static final String ROLE = "arn:aws:iam::123456789012:role/PortalSupport";
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration LOCK = Duration.ofHours(24);

    private final Ports ports;

    protected CustomerDirectoryContract(Ports ports) {
        this.ports = ports;
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Store store(String name, String... roles) {
        Store store = new Store("dc-" + run + "-" + name, "Store " + name, "https://portal." + name + ".example",
                "login@" + name + ".example", "US", Set.of("US"), Set.of(roles));
        ports.load(List.of(store), List.of(), List.of());
        return store;
    }

    private Customer customer(Store store, String id, String email, String phone, String first, String last) {
        Customer customer = new Customer(store.storeId(), id, email, phone, first, last, false, null);
        ports.load(List.of(), List.of(customer), List.of());
        return customer;
    }

    private static AuditEntry entry(Customer customer, String action) {
        return new AuditEntry(customer.storeId(), customer.customerId(), action,
                Actor.agent(PrincipalArn.parse(ROLE).orElseThrow(), "agent-1"), NOW, Map.of());
    }

    @Test
    void aCustomerIsFoundByIdEmailInAnyCaseAndPhoneInTheirOwnStoreOnly() {
        Store acme = store("acme");
        Store other = store("other");
        Customer jane = customer(acme, "c-1", "Jane@Example.com", "+12015550123", "Jane", "Doe");

        assertThat(ports.directory().findCustomer(acme.storeId(), "c-1")).contains(jane);
        assertThat(ports.directory().findCustomerByEmail(acme.storeId(), EmailAddress.parse("jane@EXAMPLE.com")
                .orElseThrow())).contains(jane);
        assertThat(ports.directory().findCustomerByPhone(acme.storeId(), "+12015550123")).contains(jane);
        assertThat(ports.directory().findCustomer(other.storeId(), "c-1")).isEmpty();
        assertThat(ports.directory().findCustomerByEmail(other.storeId(), EmailAddress.parse("jane@example.com")
                .orElseThrow())).isEmpty();
        assertThat(ports.directory().findCustomerByPhone(other.storeId(), "+12015550123")).isEmpty();
        assertThat(ports.directory().findStore(acme.storeId())).contains(acme);
        assertThat(ports.directory().findStore("dc-" + run + "-missing")).isEmpty();
    }

    @Test
    void subscriptionsAreTheCustomersOwnInIdOrder() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        Customer john = customer(acme, "c-2", "john@example.com", null, "John", "Roe");
        Subscription second = new Subscription(acme.storeId(), "sub-2", jane.customerId(), "paused");
        Subscription first = new Subscription(acme.storeId(), "sub-1", jane.customerId(), "active");
        Subscription johns = new Subscription(acme.storeId(), "sub-3", john.customerId(), "active");
        ports.load(List.of(), List.of(), List.of(second, first, johns));

        assertThat(ports.directory().listSubscriptions(acme.storeId(), jane.customerId()))
                .containsExactly(first, second);
        assertThat(ports.directory().findSubscription(acme.storeId(), "sub-3")).contains(johns);
        assertThat(ports.directory().findSubscription(store("other").storeId(), "sub-3")).isEmpty();
    }

    @Test
    void aNamePrefixFindsCustomersByFirstOrLastNameWithoutAccentsUpToTheLimitPerOrder() {
        Store acme = store("acme");
        Customer jose = customer(acme, "c-1", "jose@example.com", null, "José", "Díaz");
        Customer dana = customer(acme, "c-2", "dana@example.com", null, "Dana", "Jones");
        customer(acme, "c-3", "ann@example.com", null, "Ann", "Smith");
        customer(store("other"), "c-4", "joe@example.com", null, "Joe", "Other");

        assertThat(ports.directory().findCustomersByName(acme.storeId(), "jo", 10))
                .containsExactlyInAnyOrder(jose, dana);
        assertThat(ports.directory().findCustomersByName(acme.storeId(), "diaz j", 10)).containsExactly(jose);
        assertThat(ports.directory().findCustomersByName(acme.storeId(), "jose d", 10)).containsExactly(jose);
        assertThat(ports.directory().findCustomersByName(acme.storeId(), "d", 1)).hasSize(2);
        assertThat(ports.directory().findCustomersByName(acme.storeId(), "zz", 10)).isEmpty();
    }

    @Test
    void aPrincipalSeesAndActsOnTheStoresThatListItOnly() {
        Store listed = store("listed", ROLE);
        Store unlisted = store("unlisted");
        String principal = PrincipalArn.parse(ROLE).orElseThrow().key();

        assertThat(ports.directory().storesOf(principal)).contains(new StoreGrant(listed.storeId(), listed.name()))
                .doesNotContain(new StoreGrant(unlisted.storeId(), unlisted.name()));
        assertThat(ports.directory().mayActOn(principal, listed.storeId())).isTrue();
        assertThat(ports.directory().mayActOn(principal, unlisted.storeId())).isFalse();
        assertThat(ports.directory().mayActOn(principal, "dc-" + run + "-missing")).isFalse();
        assertThat(ports.directory().listStores()).contains(new StoreGrant(listed.storeId(), listed.name()),
                new StoreGrant(unlisted.storeId(), unlisted.name()));
    }

    @Test
    void anEmailChangeMovesTheAddressRevokesWhatWasIssuedAndIsAudited() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        EmailAddress updated = EmailAddress.parse("jane.doe@example.com").orElseThrow();

        assertThat(ports.directory().changeEmail(jane, updated, NOW, entry(jane, "email_changed")))
                .isEqualTo(EmailChange.CHANGED);

        Customer changed = ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(changed.email()).isEqualTo("jane.doe@example.com");
        assertThat(changed.revokedSince(NOW)).isTrue();
        assertThat(ports.directory().findCustomerByEmail(acme.storeId(), updated)).contains(changed);
        assertThat(ports.directory().findCustomerByEmail(acme.storeId(), EmailAddress.parse("jane@example.com")
                .orElseThrow())).isEmpty();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("email_changed");
    }

    @Test
    void anEmailAnotherCustomerHasIsRefusedAndChangesNothing() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        customer(acme, "c-2", "john@example.com", null, "John", "Roe");

        assertThat(ports.directory().changeEmail(jane, EmailAddress.parse("JOHN@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"))).isEqualTo(EmailChange.EMAIL_IN_USE);

        assertThat(ports.directory().findCustomer(acme.storeId(), "c-1")).contains(jane);
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).isEmpty();
    }

    @Test
    void anEmailChangeBasedOnAStaleReadIsRefused() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        ports.directory().changeEmail(jane, EmailAddress.parse("first@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"));

        assertThat(ports.directory().changeEmail(jane, EmailAddress.parse("second@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"))).isEqualTo(EmailChange.CUSTOMER_CHANGED);
        assertThat(ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow().email())
                .isEqualTo("first@example.com");
    }

    @Test
    void aRevokeCutsOffWhatWasIssuedBeforeItAndIsAudited() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");

        assertThat(ports.directory().revokeCredentials(acme.storeId(), "c-1", NOW, entry(jane, "credentials_revoked")))
                .isTrue();
        assertThat(ports.directory().revokeCredentials(acme.storeId(), "c-9", NOW, entry(jane, "credentials_revoked")))
                .isFalse();

        Customer revoked = ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(revoked.revokedSince(NOW.minusSeconds(1))).isTrue();
        assertThat(revoked.revokedSince(NOW.plusSeconds(1))).isFalse();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("credentials_revoked");
    }

    @Test
    void wrongCodesCountUpToTheLimitThenLockUntilTheLockEndsOrAnUnlock() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        for (int i = 0; i < 3; i++) {
            assertThat(ports.directory().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW)).isEqualTo(Guess.COUNTED);
        }

        assertThat(ports.directory().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW.plusSeconds(60)))
                .isEqualTo(Guess.LOCKED);
        Customer locked = ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(locked.codeLoginLockedUntil(3, LOCK)).contains(NOW.plus(LOCK));
        assertThat(ports.directory().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW.plus(LOCK)))
                .isEqualTo(Guess.COUNTED);
        assertThat(ports.directory().countCodeGuess(acme.storeId(), "c-9", 3, LOCK, NOW)).isEqualTo(Guess.NO_CUSTOMER);

        assertThat(ports.directory().unlockCodeLogin(acme.storeId(), "c-1", entry(jane, "code_login_unlocked")))
                .isTrue();
        assertThat(ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow().consecutiveCodeFailures())
                .isZero();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("code_login_unlocked");
    }

    @Test
    void aBounceMarksTheAddressOnlyWhileItIsStillTheCustomers() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");

        assertThat(ports.directory().markEmailProblem(acme.storeId(), "c-1",
                EmailAddress.parse("old@example.com").orElseThrow(), EmailProblem.BOUNCING,
                entry(jane, "email_bouncing"))).isFalse();
        assertThat(ports.directory().markEmailProblem(acme.storeId(), "c-1",
                EmailAddress.parse("jane@example.com").orElseThrow(), EmailProblem.BOUNCING,
                entry(jane, "email_bouncing"))).isTrue();

        Customer bouncing = ports.directory().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(bouncing.emailBouncing()).isTrue();
        assertThat(bouncing.deliverableEmail()).isEmpty();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("email_bouncing");
    }
}
