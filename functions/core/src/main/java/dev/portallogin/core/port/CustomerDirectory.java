package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores, their customers and subscriptions. Every lookup is scoped to one store; an email address
 * (case-insensitive) or a phone number (E.164) belongs to at most one customer of a store. Every read is a key
 * lookup or a range read bounded by what is asked: nothing reads a whole store.
 */
public interface CustomerDirectory {

    Optional<Store> findStore(String storeId);

    /** The store a request names; a store that does not exist is {@link UnknownStore}. */
    default Store requireStore(String storeId) {
        return findStore(storeId).orElseThrow(UnknownStore::new);
    }

    Optional<Customer> findCustomer(String storeId, String customerId);

    Optional<Customer> findCustomerByEmail(String storeId, EmailAddress email);

    Optional<Customer> findCustomerByPhone(String storeId, String phoneE164);

    Optional<Subscription> findSubscription(String storeId, String subscriptionId);

    /** A store a support principal may act on, as listed to them. */
    record StoreGrant(String storeId, String name) {
    }

    /** Every store (for the dashboard's trusted backend, which acts on all of them). */
    List<StoreGrant> listStores();

    /** The stores whose {@code agentPrincipals} list {@code principalKey} (a {@code PrincipalArn} key). */
    List<StoreGrant> storesOf(String principalKey);

    /** Whether the store exists and lists {@code principalKey} among its support principals. */
    boolean mayActOn(String principalKey, String storeId);

    /** The customer's own subscriptions. */
    List<Subscription> listSubscriptions(String storeId, String customerId);

    /**
     * Customers whose "first last" or "last first" name starts with {@code namePrefix} (a {@code NameKey}-normalised
     * prefix), at most {@code limit} from each of the two orders.
     */
    List<Customer> findCustomersByName(String storeId, String namePrefix, int limit);

    /** How an email change ended. */
    enum EmailChange {
        CHANGED,
        /** Another customer of the store owns the address. */
        EMAIL_IN_USE,
        /** The customer record changed (or vanished) since it was read; read it again and retry. */
        CUSTOMER_CHANGED
    }

    /**
     * Gives {@code current} the address {@code email}, atomically: the customer record (its bounce and complaint
     * marks cleared), the store-wide entry that says which customer owns the address (the old entry released, the
     * new one claimed), the revocation of every code, link and session from before {@code now}, and the audit entry.
     * Either all of it happens or none.
     */
    EmailChange changeEmail(Customer current, EmailAddress email, Instant now, AuditEntry audit);

    /**
     * Makes every code, magic link and session of the customer from before {@code now} stop working, and records the
     * audit entry, in one transaction. False when the customer does not exist.
     */
    boolean revokeCredentials(String storeId, String customerId, Instant now, AuditEntry audit);

    /** Lifts a lock of code sign-in and records the audit entry, in one transaction. False for no such customer. */
    boolean unlockCodeLogin(String storeId, String customerId, AuditEntry audit);

    /** Whether a code guess may be compared, the customer's consecutive-failure count having been raised for it. */
    enum Guess { COUNTED, LOCKED, NO_CUSTOMER }

    /**
     * Counts a code guess against the customer's consecutive-failure limit before anyone compares it, in one
     * conditional write: of any number of parallel guesses, only as many as the limit leaves are counted, the
     * others are {@link Guess#LOCKED}. A lock older than {@code lockDuration} is lifted by the guess, which starts a
     * new count. A successful sign-in sets the count back to zero.
     */
    Guess countCodeGuess(String storeId, String customerId, int limit, Duration lockDuration, Instant now);

    /** What the mail system reported about an address. */
    enum EmailProblem { BOUNCING, COMPLAINED }

    /**
     * Marks the customer's address as bouncing or complained, if {@code address} is still the one on file (an agent
     * may have changed it since the message went out), with the audit entry. False when nothing was marked.
     */
    boolean markEmailProblem(String storeId, String customerId, EmailAddress address, EmailProblem problem,
                             AuditEntry audit);

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
