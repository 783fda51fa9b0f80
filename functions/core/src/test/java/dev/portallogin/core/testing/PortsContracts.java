package dev.portallogin.core.testing;

import org.junit.jupiter.api.Nested;

/**
 * Every contract suite, on the ports a subclass gives: {@code InMemoryPortsTest} runs them on the in-memory ports,
 * {@code DynamoDbContractsIT} on the DynamoDB adapters and the emulator, so the fakes cannot drift from the real ones.
 */
public abstract class PortsContracts {

    /** The ports one test runs against; called once per test. */
    protected abstract Ports ports();

    @Nested
    class StoreList extends StoresContract {
        StoreList() {
            super(ports());
        }
    }

    @Nested
    class CustomerLookups extends CustomersContract {
        CustomerLookups() {
            super(ports());
        }
    }

    @Nested
    class Accounts extends CustomerAccountsContract {
        Accounts() {
            super(ports());
        }
    }

    @Nested
    class CodeGuesses extends CodeGuessCounterContract {
        CodeGuesses() {
            super(ports());
        }
    }

    @Nested
    class Logins extends LoginStoreContract {
        Logins() {
            super(ports());
        }
    }

    @Nested
    class RateLimits extends RateLimiterContract {
        RateLimits() {
            super(ports());
        }
    }

    @Nested
    class Audit extends AuditLogContract {
        Audit() {
            super(ports());
        }
    }

    @Nested
    class Deliveries extends DeliveryRecordsContract {
        Deliveries() {
            super(ports());
        }
    }
}
