package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores, their customers and subscriptions. Every lookup is scoped to one store; an email address
 * (case-insensitive) or a phone number (E.164) belongs to at most one customer of a store.
 */
public interface CustomerDirectory {

    Optional<Store> findStore(String storeId);

    Optional<Customer> findCustomer(String storeId, String customerId);

    Optional<Customer> findCustomerByEmail(String storeId, EmailAddress email);

    Optional<Customer> findCustomerByPhone(String storeId, String phoneE164);

    Optional<Subscription> findSubscription(String storeId, String subscriptionId);

    /** Every store, by id. */
    List<Store> listStores();

    List<Subscription> listSubscriptions(String storeId, String customerId);

    /**
     * Customers of the store whose email, phone or name contains {@code query} (case-insensitive; for phones, the
     * digits of the query), at most {@code limit}.
     */
    List<Customer> searchCustomers(String storeId, String query, int limit);

    /** How an email change ended. */
    enum EmailChange {
        CHANGED,
        /** Another customer of the store owns the address. */
        EMAIL_IN_USE,
        /** The customer record changed (or vanished) since it was read; read it again and retry. */
        CUSTOMER_CHANGED
    }

    /**
     * Gives {@code current} the address {@code email}, atomically: the customer record, the store-wide entry that
     * says which customer owns the address (the old entry released, the new one claimed), the revocation of every
     * code and link issued before {@code now}, and the audit entry. Either all of it happens or none.
     */
    EmailChange changeEmail(Customer current, EmailAddress email, Instant now, AuditEntry audit);

    /**
     * Makes every code and magic link of the customer issued before {@code now} stop working, and records the audit
     * entry, in one transaction. False when the customer does not exist.
     */
    boolean revokeCredentials(String storeId, String customerId, Instant now, AuditEntry audit);

    /** Counts one more wrong code for the customer; a successful sign-in sets the count back to zero. */
    void recordCodeFailure(String storeId, String customerId);

    /** The customer who owns this email address or phone number in the store. */
    default Optional<Customer> findCustomer(String storeId, Identifier identifier) {
        if (identifier.email().isPresent()) {
            return findCustomerByEmail(storeId, identifier.email().get());
        }
        return findCustomerByPhone(storeId, identifier.phone().orElseThrow().e164());
    }
}
