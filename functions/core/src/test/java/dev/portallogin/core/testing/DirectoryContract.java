package dev.portallogin.core.testing;


import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the directory's ports do ({@link dev.portallogin.core.port.Stores}, {@link
 * dev.portallogin.core.port.Customers}, {@link dev.portallogin.core.port.CustomerAccounts}, {@link
 * dev.portallogin.core.port.CodeGuessCounter}), one contract each on this shared set-up, run against the in-memory
 * directory (unit tests) and the DynamoDB adapters on the emulator (integration tests), so the fakes the use-case
 * tests run on cannot drift from the real adapters. Each test works in stores of its own, so a shared table is fine.
 */
public abstract class DirectoryContract {

    protected static final String ROLE = "arn:aws:iam::123456789012:role/PortalSupport";
    protected static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    protected static final Duration LOCK = Duration.ofHours(24);

    protected final Ports ports;

    protected DirectoryContract(Ports ports) {
        this.ports = ports;
    }

    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    protected Store store(String name, String... roles) {
        Store store = new Store("dc-" + run + "-" + name, "Store " + name, "https://portal." + name + ".example",
                "login@" + name + ".example", "US", Set.of("US"), Set.of(roles));
        ports.load(List.of(store), List.of(), List.of());
        return store;
    }

    protected Customer customer(Store store, String id, String email, String phone, String first, String last) {
        Customer customer = new Customer(store.storeId(), id, email, phone, first, last, false, null);
        ports.load(List.of(), List.of(customer), List.of());
        return customer;
    }

    protected static AuditEntry entry(Customer customer, String action) {
        return new AuditEntry(customer.storeId(), customer.customerId(), action,
                Actor.agent(PrincipalArn.parse(ROLE).orElseThrow(), "agent-1"), NOW, Map.of());
    }
}
