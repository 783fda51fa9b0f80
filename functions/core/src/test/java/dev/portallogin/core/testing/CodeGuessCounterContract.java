package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.CodeGuessCounter.Guess;
import org.junit.jupiter.api.Test;

/**
 * What every {@link dev.portallogin.core.port.CodeGuessCounter} does: the count of wrong codes in a row and the pause
 * it causes.
 */
public abstract class CodeGuessCounterContract extends DirectoryContract {

    protected CodeGuessCounterContract(Ports ports) {
        super(ports);
    }

    @Test
    void wrongCodesCountUpToTheLimitThenLockUntilTheLockEndsOrAnUnlock() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        for (int i = 0; i < 3; i++) {
            assertThat(ports.codeGuesses().countCodeGuess(acme.storeId(), "c-1", 3, LOCK,
                    NOW)).isEqualTo(Guess.COUNTED);
        }

        assertThat(ports.codeGuesses().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW.plusSeconds(60)))
                .isEqualTo(Guess.LOCKED);
        Customer locked = ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow();
        assertThat(locked.codeLoginLockedUntil(3, LOCK)).contains(NOW.plus(LOCK));
        assertThat(ports.codeGuesses().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW.plus(LOCK)))
                .isEqualTo(Guess.COUNTED);
        assertThat(ports.codeGuesses().countCodeGuess(acme.storeId(), "c-9", 3, LOCK,
                NOW)).isEqualTo(Guess.NO_CUSTOMER);

        assertThat(ports.accounts().unlockCodeLogin(acme.storeId(), "c-1", entry(jane, "code_login_unlocked")))
                .isTrue();
        assertThat(ports.customers().findCustomer(acme.storeId(), "c-1").orElseThrow().consecutiveCodeFailures())
                .isZero();
        assertThat(ports.auditLog().list(acme.storeId(), "c-1", 10)).extracting(AuditEntry::action)
                .containsExactly("code_login_unlocked");
    }

    @Test
    void guessesCountedAsideCountAgainstNobodyAndShowInNoSearch() {
        Store acme = store("acme");
        customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        for (int i = 0; i < 5; i++) {
            assertThat(ports.codeGuesses().countAside(acme.storeId(), NOW)).isEqualTo(Guess.NO_CUSTOMER);
        }

        for (int i = 0; i < 3; i++) {
            assertThat(ports.codeGuesses().countCodeGuess(acme.storeId(), "c-1", 3, LOCK, NOW))
                    .isEqualTo(Guess.COUNTED);
        }
        assertThat(ports.customers().findCustomersByName(acme.storeId(), "j", 10)).extracting(Customer::customerId)
                .containsExactly("c-1");
    }
}
