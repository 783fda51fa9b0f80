package dev.portallogin.updateemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.EmailInUse;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.InvalidEmail;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.testing.Fakes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Support's actions that change a customer (email change, revoke, unlock), on in-memory ports. */
class SupportDeskTest {

    private final Fakes fakes = new Fakes();
    private final UpdateEmail updateEmail = new UpdateEmail(fakes.stores, fakes.customers, fakes.accounts,
            fakes.queue, Duration.ofMinutes(10),
            fakes.clock);
    private final RevokeCredentials revoke = new RevokeCredentials(fakes.stores, fakes.accounts, fakes.clock);
    private final UnlockCodeLogin unlock = new UnlockCodeLogin(fakes.stores, fakes.accounts, fakes.clock);
    private final Store acme = fakes.store("acme", "US");
    private final Customer jane = fakes.customer(acme, "jane@example.com", "+12015550123");
    private final Actor alice = Actor.agent(PrincipalArn.parse(Fakes.AGENT_SESSION).orElseThrow(), "alice");

    @Test
    void anEmailChangeIsNormalisedRevokesWhatCameBeforeAndTellsTheOldAddress() {
        String changed = updateEmail.update(alice, "acme", jane.customerId(), "  Jane.New@EXAMPLE.org ").email()
                .value();

        Customer after = fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow();
        assertThat(changed).isEqualTo("Jane.New@example.org");
        assertThat(after.credentialsRevokedAt()).isEqualTo(fakes.clock.instant());
        assertThat(fakes.queue.emails()).singleElement().satisfies(notice -> {
            assertThat(notice.email().to().value()).isEqualTo("jane@example.com");
            assertThat(notice.email().text()).contains("J***@example.org");
        });
        assertThat(trail(jane.customerId()).get(0).details())
                .isEqualTo(Map.of("from", "ja•••@example.com", "to", "Ja•••w@example.org"));
    }

    @Test
    void anAddressAnotherCustomerOfTheStoreHasIsInUseWhateverItsCase() {
        fakes.customer(acme, "sam@example.com", null);

        assertThatThrownBy(() -> updateEmail.update(alice, "acme", jane.customerId(), "SAM@example.com"))
                .isInstanceOf(EmailInUse.class);
        assertThatThrownBy(() -> updateEmail.update(alice, "acme", jane.customerId(), "sam at example"))
                .isInstanceOf(InvalidEmail.class);
        assertThatThrownBy(() -> updateEmail.update(alice, "acme", "nobody", "x@example.com"))
                .isInstanceOf(CustomerNotFound.class);
    }

    @Test
    void anEmailChangeClearsABounceMark() {
        Customer bouncing = fakes.directory.add(new Customer("acme", "bo", "bo@example.com", null, "Bo", "Unce", true,
                null));

        updateEmail.update(alice, "acme", bouncing.customerId(), "bo@example.com");

        assertThat(fakes.directory.findCustomer("acme", "bo").orElseThrow().deliverableEmail()).isPresent();
        assertThat(trail("bo").get(0).details()).containsEntry("cleared", "bouncing");
    }

    @Test
    void anInvalidOldAddressIsAuditedMaskedNotAsNone() {
        Customer casey = fakes.customer(acme, "casey at example dot com", null);

        updateEmail.update(alice, "acme", casey.customerId(), "casey@example.com");

        assertThat(trail(casey.customerId()).get(0).details())
                .containsEntry("from", "c*** (not a valid address)");
    }

    @Test
    void theTrailTellsTheTwoAddressesOfAChangeApartWithoutHoldingEither() {
        Customer jo = fakes.customer(acme, "jane.doe@example.com", null);

        updateEmail.update(alice, "acme", jo.customerId(), "jo.smith@example.net");
        updateEmail.update(alice, "acme", jo.customerId(), "jo.smyth@example.net");

        var entries = trail(jo.customerId());
        assertThat(entries.get(1).details()).containsEntry("from", "ja•••e@example.com")
                .containsEntry("to", "jo•••h@example.net");
        assertThat(entries.get(0).details().get("from")).startsWith("jo•••h@example.net #")
                .isNotEqualTo(entries.get(0).details().get("to"));
        assertThat(entries.get(0).details().values()).noneMatch(shown -> shown.contains("smith")
                || shown.contains("smyth"));
    }

    @Test
    void savingTheAddressOnFileChangesNothingAndSaysSo() {
        UpdateEmail.Updated updated = updateEmail.update(alice, "acme", jane.customerId(), "jane@example.com");

        assertThat(updated.changed()).isFalse();
        assertThat(fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow().credentialsRevokedAt())
                .isNull();
        assertThat(fakes.queue.emails()).isEmpty();
        assertThat(trail(jane.customerId())).noneMatch(entry -> entry.action()
                .equals("email_changed"));
    }

    @Test
    void revokeAndUnlockAreAuditedWithTheAgent() {
        for (int i = 0; i < 20; i++) {
            fakes.directory.countCodeGuess("acme", jane.customerId(), 20, Duration.ofDays(1), fakes.clock.instant());
        }
        assertThat(pausedUntil(jane)).contains(fakes.clock.instant().plus(Duration.ofDays(1)));

        unlock.unlock(alice, "acme", jane.customerId());
        revoke.revoke(alice, "acme", jane.customerId());

        assertThat(pausedUntil(jane)).isEmpty();
        assertThat(trail(jane.customerId())).extracting(AuditEntry::action)
                .contains("code_login_unlocked", "credentials_revoked");
        assertThatThrownBy(() -> revoke.revoke(alice, "acme", "nobody")).isInstanceOf(CustomerNotFound.class);
        assertThatThrownBy(() -> unlock.unlock(alice, "acme", "nobody")).isInstanceOf(CustomerNotFound.class);
    }

    @Test
    void anAgentChangesOnlyTheStoresThatListThem() {
        Store closed = new Store("closed", "Closed", "https://closed.example", "l@closed.example", "US", Set.of(),
                Set.of("arn:aws:iam::123456789012:role/Other"));
        fakes.directory.add(closed);
        fakes.directory.add(new Customer("closed", "c-1", "x@example.com", null, "X", "Y", false, null));

        assertThatThrownBy(() -> updateEmail.update(alice, "closed", "c-1", "y@example.com"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> revoke.revoke(alice, "closed", "c-1")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> unlock.unlock(alice, "closed", "c-1")).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> updateEmail.update(alice, "nowhere", "c-1", "y@example.com"))
                .isInstanceOf(Forbidden.class);
    }

    /** The customer's audit trail, newest first, as support-lookup reads it. */
    private List<AuditEntry> trail(String customerId) {
        return fakes.audit.list("acme", customerId, 100);
    }

    private java.util.Optional<java.time.Instant> pausedUntil(Customer customer) {
        return fakes.policy().codeSignInPausedUntil(fakes.directory.findCustomer("acme", customer.customerId())
                .orElseThrow(), fakes.clock.instant());
    }
}
