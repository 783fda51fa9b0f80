package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.CustomerAccounts.EmailChange;
import dev.portallogin.core.port.CustomerAccounts.EmailProblem;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.portallogin.core.port.CustomerAccounts} does: changes to a customer's account, each with its
 * audit entry.
 */
public abstract class CustomerAccountsContract extends DirectoryContract {

    protected CustomerAccountsContract(Ports ports) {
        super(ports);
    }

    @Test
    void anEmailChangeMovesTheAddressRevokesWhatWasIssuedAndIsAudited() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        EmailAddress updated = EmailAddress.parse("jane.doe@example.com").orElseThrow();

        assertThat(ports.accounts().changeEmail(jane, updated, NOW, entry(jane, "email_changed")))
                .isEqualTo(EmailChange.CHANGED);

        Customer changed = ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(changed.email()).isEqualTo("jane.doe@example.com");
        assertThat(changed.revokedSince(NOW)).isTrue();
        assertThat(ports.customers().findCustomerByEmail(acme.storeId(), updated)).contains(changed);
        assertThat(ports.customers().findCustomerByEmail(acme.storeId(), EmailAddress.parse("jane@example.com")
                .orElseThrow())).isEmpty();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("email_changed");
    }

    @Test
    void anEmailAnotherCustomerHasIsRefusedAndChangesNothing() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        customer(acme, "c-2", "john@example.com", null, "John", "Roe");

        assertThat(ports.accounts().changeEmail(jane, EmailAddress.parse("JOHN@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"))).isEqualTo(EmailChange.EMAIL_IN_USE);

        assertThat(ports.customers().findCustomer(acme.storeId(), "c-1")).contains(jane);
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).isEmpty();
    }

    @Test
    void anEmailChangeBasedOnAStaleReadIsRefused() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        ports.accounts().changeEmail(jane, EmailAddress.parse("first@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"));

        assertThat(ports.accounts().changeEmail(jane, EmailAddress.parse("second@example.com").orElseThrow(), NOW,
                entry(jane, "email_changed"))).isEqualTo(EmailChange.CUSTOMER_CHANGED);
        assertThat(ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow().email())
                .isEqualTo("first@example.com");
    }

    @Test
    void aRevokeCutsOffWhatWasIssuedBeforeItAndIsAudited() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");

        assertThat(ports.accounts().revokeCredentials(acme.storeId(), "c-1", NOW, entry(jane, "credentials_revoked")))
                .isTrue();
        assertThat(ports.accounts().revokeCredentials(acme.storeId(), "c-9", NOW, entry(jane, "credentials_revoked")))
                .isFalse();

        Customer revoked = ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(revoked.revokedSince(NOW.minusSeconds(1))).isTrue();
        assertThat(revoked.revokedSince(NOW.plusSeconds(1))).isFalse();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("credentials_revoked");
    }

    @Test
    void aBounceMarksTheAddressOnlyWhileItIsStillTheCustomers() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");

        assertThat(ports.accounts().markEmailProblem(acme.storeId(), "c-1",
                EmailAddress.parse("old@example.com").orElseThrow(), EmailProblem.BOUNCING,
                entry(jane, "email_bouncing"))).isFalse();
        assertThat(ports.accounts().markEmailProblem(acme.storeId(), "c-1",
                EmailAddress.parse("jane@example.com").orElseThrow(), EmailProblem.BOUNCING,
                entry(jane, "email_bouncing"))).isTrue();

        Customer bouncing = ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(bouncing.emailBouncing()).isTrue();
        assertThat(bouncing.deliverableEmail()).isEmpty();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("email_bouncing");
    }
}
