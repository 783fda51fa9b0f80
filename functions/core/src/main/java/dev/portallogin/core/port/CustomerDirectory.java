package dev.portallogin.core.port;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
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

    /** The customer who owns this email address or phone number in the store. */
    default Optional<Customer> findCustomer(String storeId, Identifier identifier) {
        if (identifier.email().isPresent()) {
            return findCustomerByEmail(storeId, identifier.email().get());
        }
        return findCustomerByPhone(storeId, identifier.phone().orElseThrow().e164());
    }
}
