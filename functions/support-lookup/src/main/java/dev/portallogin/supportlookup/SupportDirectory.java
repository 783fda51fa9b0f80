package dev.portallogin.supportlookup;

import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Masked;
import dev.portallogin.core.domain.NameKey;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.Stores.StoreGrant;
import dev.portallogin.core.support.SupportAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the support dashboard looks up: the stores an agent may act on, customers found by exact email, phone,
 * customer id or subscription id or by a name prefix, and one customer in full. Every lookup is a key read or a
 * range read bounded by the term; searches and profile views go into the audit trail.
 */
public final class SupportDirectory {

    /** Customers per name index per search: a support desk narrows its query rather than paging. */
    public static final int NAME_RESULTS = 10;

    /**
     * A customer as an agent sees them: contact details, whether login mail can reach them, whether code sign-in is
     * paused after wrong codes (and until when), their subscriptions.
     */
    public record CustomerView(Customer customer, boolean deliverableEmail, Optional<Instant> codeLoginLockedUntil,
                               List<Subscription> subscriptions) {
    }

    private final Stores stores;
    private final Customers customers;
    private final SupportAccess access;
    private final AuditLog audit;
    private final LoginPolicy policy;
    private final Clock clock;

    public SupportDirectory(Stores stores, Customers customers, AuditLog audit, LoginPolicy policy, Clock clock) {
        this.stores = stores;
        this.customers = customers;
        this.access = new SupportAccess(stores);
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    public List<StoreGrant> stores(Actor caller) {
        return access.stores(caller);
    }

    /**
     * Customers matching {@code query} exactly (email, phone in any format, customer id, subscription id) or by a
     * case- and accent-insensitive prefix of their name, in that order, without duplicates.
     *
     * @throws InvalidRequest a query shorter than 2 characters
     */
    public List<Customer> search(Actor caller, String storeId, String query) {
        String term = query == null ? "" : query.strip();
        if (term.length() < 2 || term.length() > 254) {
            throw new InvalidRequest("Search with 2 to 254 characters of an email, phone number, id or name.");
        }
        Store store = access.store(caller, storeId);
        Map<String, Customer> found = new LinkedHashMap<>();
        if (term.indexOf('@') >= 0) {
            EmailAddress.parse(term).flatMap(email -> customers.findCustomerByEmail(storeId, email))
                    .ifPresent(customer -> found.putIfAbsent(customer.customerId(), customer));
        } else {
            if (term.chars().filter(Character::isDigit).count() >= 6) {
                PhoneNumber.parse(term, store.defaultCountry())
                        .flatMap(phone -> customers.findCustomerByPhone(storeId, phone.e164()))
                        .ifPresent(customer -> found.putIfAbsent(customer.customerId(), customer));
            }
            if (RecordId.isWellFormed(term)) {
                customers.findCustomer(storeId, term)
                        .ifPresent(customer -> found.putIfAbsent(customer.customerId(), customer));
                customers.findSubscription(storeId, term)
                        .flatMap(subscription -> customers.findCustomer(storeId, subscription.customerId()))
                        .ifPresent(customer -> found.putIfAbsent(customer.customerId(), customer));
            }
            String namePrefix = NameKey.normalise(term);
            if (namePrefix.codePoints().anyMatch(Character::isLetter)) {
                customers.findCustomersByName(storeId, namePrefix, NAME_RESULTS)
                        .forEach(customer -> found.putIfAbsent(customer.customerId(), customer));
            }
        }
        audit.record(new AuditEntry(storeId, null, "customers_searched", caller, clock.instant(),
                Map.of("term", Masked.searchTerm(term, store.defaultCountry()),
                        "results", Integer.toString(found.size()))));
        return List.copyOf(found.values());
    }

    /** @throws CustomerNotFound no such customer in the store */
    public CustomerView customer(Actor caller, String storeId, String customerId) {
        access.store(caller, storeId);
        Customer customer = customers.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
        Instant now = clock.instant();
        audit.record(new AuditEntry(storeId, customerId, "profile_viewed", caller, now, Map.of()));
        Optional<Instant> lockedUntil = policy.codeSignInPausedUntil(customer, now);
        return new CustomerView(customer, customer.deliverableEmail().isPresent(), lockedUntil,
                customers.listSubscriptions(storeId, customerId));
    }
}
