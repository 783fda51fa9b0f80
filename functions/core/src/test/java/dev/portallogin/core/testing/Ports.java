package dev.portallogin.core.testing;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CodeGuessCounter;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.DeliveryRecords;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.core.port.RateLimiter;
import dev.portallogin.core.port.Stores;
import java.util.List;

/**
 * The ports a contract suite ({@code *Contract}) runs against, wired to each other as the functions wire them (the
 * login store checks revocations in the directory, both record into the audit log): the in-memory ones
 * ({@link Fakes#ports()}) or the DynamoDB adapters on the emulator ({@code DynamoDbContractsIT}).
 *
 * @param loader puts stores, customers and subscriptions into the directory, as the seed does
 */
public record Ports(Stores stores, Customers customers, CustomerAccounts accounts, CodeGuessCounter codeGuesses,
                    LoginStore logins, AuditLog auditLog, RateLimiter rateLimiter,
                    DeliveryRecords deliveryRecords, Loader loader) {

    /** How test data gets into a directory. */
    @FunctionalInterface
    public interface Loader {
        void load(List<Store> stores, List<Customer> customers, List<Subscription> subscriptions);
    }

    public void load(List<Store> stores, List<Customer> customers, List<Subscription> subscriptions) {
        loader.load(stores, customers, subscriptions);
    }
}
