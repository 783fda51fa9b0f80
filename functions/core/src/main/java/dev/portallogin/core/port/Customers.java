package dev.portallogin.core.port;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * Finding a store's customers and their subscriptions. Every lookup is scoped to one store; an email address
 * (case-insensitive) or a phone number (E.164) belongs to at most one customer of a store. Every read is a key
 * lookup or a range read bounded by what is asked: nothing reads a whole store.
 */
public interface Customers {

    Optional<Customer> findCustomer(String storeId, String customerId);

    Optional<Customer> findCustomerByEmail(String storeId, EmailAddress email);

    Optional<Customer> findCustomerByPhone(String storeId, String phoneE164);

    Optional<Subscription> findSubscription(String storeId, String subscriptionId);

    /** The customer's own subscriptions. */
    List<Subscription> listSubscriptions(String storeId, String customerId);

    /**
     * Customers whose "first last" or "last first" name starts with {@code namePrefix} (a {@code NameKey}-normalised
     * prefix), at most {@code limit} from each of the two orders.
     */
    List<Customer> findCustomersByName(String storeId, String namePrefix, int limit);

    /**
     * The id of the customer who owns this email address or phone number in the store: one read of the entry that
     * names the owner, and no more, whether or not there is one.
     */
    default Optional<String> findCustomerId(String storeId, Identifier identifier) {
        return findCustomer(storeId, identifier).map(Customer::customerId);
    }

    /** The customer who owns this email address or phone number in the store. */
    default Optional<Customer> findCustomer(String storeId, Identifier identifier) {
        if (identifier.email().isPresent()) {
            return findCustomerByEmail(storeId, identifier.email().get());
        }
        return findCustomerByPhone(storeId, identifier.phone().orElseThrow().e164());
    }
}
