package dev.portallogin.core.testing;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.NameKey;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CodeGuessCounter;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The directory's ports ({@link Stores}, {@link Customers}, {@link CustomerAccounts}, {@link CodeGuessCounter}) on
 * one store in memory, as the DynamoDB adapters share one table; each change atomic (one lock, as one DynamoDB
 * transaction), with the audit entry of a change recorded in the same step. The contract tests hold it to the
 * DynamoDB adapters' behaviour.
 */
public final class InMemoryCustomerDirectory implements Stores, Customers, CustomerAccounts, CodeGuessCounter {

    private final InMemoryAuditLog audit;
    private final Map<String, Store> stores = new LinkedHashMap<>();
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

    public InMemoryCustomerDirectory(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    // ---- loading, as portal-tools seed does ------------------------------------------------------------------

    public synchronized InMemoryCustomerDirectory add(Store store) {
        stores.put(store.storeId(), store);
        return this;
    }

    /** A customer and the entries that make their email and phone theirs; refused when another owns either. */
    public synchronized Customer add(Customer customer) {
        Optional<String> email = EmailAddress.parse(customer.email()).map(EmailAddress::lookupKey);
        for (String entry : entries(customer.storeId(), email.orElse(null), customer.phoneE164())) {
            String owner = owners.get(entry);
            if (owner != null && !owner.equals(customer.customerId())) {
                throw new IllegalArgumentException(entry + " belongs to another customer");
            }
        }
        entries(customer.storeId(), email.orElse(null), customer.phoneE164())
                .forEach(entry -> owners.put(entry, customer.customerId()));
        customers.put(key(customer.storeId(), customer.customerId()), customer);
        return customer;
    }

    public synchronized Subscription add(Subscription subscription) {
        subscriptions.put(key(subscription.storeId(), subscription.subscriptionId()), subscription);
        return subscription;
    }

    private static List<String> entries(String storeId, String emailKey, String phone) {
        List<String> entries = new ArrayList<>();
        if (emailKey != null) {
            entries.add(storeId + "/email#" + emailKey);
        }
        if (phone != null) {
            entries.add(storeId + "/phone#" + phone);
        }
        return entries;
    }

    private static String key(String storeId, String id) {
        return storeId + "/" + id;
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<Store> findStore(String storeId) {
        return Optional.ofNullable(stores.get(storeId));
    }

    @Override
    public synchronized Optional<Customer> findCustomer(String storeId, String customerId) {
        return Optional.ofNullable(customers.get(key(storeId, customerId)));
    }

    @Override
    public synchronized Optional<Customer> findCustomerByEmail(String storeId, EmailAddress email) {
        return Optional.ofNullable(owners.get(storeId + "/email#" + email.lookupKey()))
                .flatMap(customerId -> findCustomer(storeId, customerId));
    }

    @Override
    public synchronized Optional<Customer> findCustomerByPhone(String storeId, String phoneE164) {
        return Optional.ofNullable(owners.get(storeId + "/phone#" + phoneE164))
                .flatMap(customerId -> findCustomer(storeId, customerId));
    }

    @Override
    public synchronized Optional<Subscription> findSubscription(String storeId, String subscriptionId) {
        return Optional.ofNullable(subscriptions.get(key(storeId, subscriptionId)));
    }

    @Override
    public synchronized List<StoreGrant> listStores() {
        return new TreeMap<>(stores).values().stream().map(store -> new StoreGrant(store.storeId(), store.name()))
                .toList();
    }

    @Override
    public synchronized List<StoreGrant> storesOf(String principalKey) {
        return new TreeMap<>(stores).values().stream()
                .filter(store -> store.agentPrincipals().contains(principalKey))
                .map(store -> new StoreGrant(store.storeId(), store.name())).toList();
    }

    @Override
    public synchronized boolean mayActOn(String principalKey, String storeId) {
        return findStore(storeId).filter(store -> store.agentPrincipals().contains(principalKey)).isPresent();
    }

    @Override
    public synchronized List<Subscription> listSubscriptions(String storeId, String customerId) {
        return subscriptions.values().stream()
                .filter(subscription -> subscription.storeId().equals(storeId)
                        && subscription.customerId().equals(customerId))
                .sorted(java.util.Comparator.comparing(Subscription::subscriptionId))
                .toList();
    }

    @Override
    public synchronized List<Customer> findCustomersByName(String storeId, String namePrefix, int limit) {
        Map<String, Customer> found = new LinkedHashMap<>();
        for (Function<Customer, String> index : List.<Function<Customer, String>>of(NameKey::firstLast,
                NameKey::lastFirst)) {
            TreeMap<String, Customer> ordered = new TreeMap<>();
            customers.values().stream()
                    .filter(customer -> customer.storeId().equals(storeId) && index.apply(customer) != null)
                    .forEach(customer -> ordered.put(index.apply(customer), customer));
            ordered.tailMap(namePrefix).entrySet().stream()
                    .takeWhile(entry -> entry.getKey().startsWith(namePrefix))
                    .limit(limit)
                    .forEach(entry -> found.putIfAbsent(entry.getValue().customerId(), entry.getValue()));
        }
        return List.copyOf(found.values());
    }

    // ---- changes --------------------------------------------------------------------------------------------

    @Override
    public synchronized EmailChange changeEmail(Customer current, EmailAddress email, Instant now, AuditEntry entry) {
        Customer stored = customers.get(key(current.storeId(), current.customerId()));
        if (stored == null || !java.util.Objects.equals(stored.email(), current.email())) {
            return EmailChange.CUSTOMER_CHANGED;
        }
        String claim = current.storeId() + "/email#" + email.lookupKey();
        String owner = owners.get(claim);
        if (owner != null && !owner.equals(current.customerId())) {
            return EmailChange.EMAIL_IN_USE;
        }
        EmailAddress.parse(stored.email()).map(EmailAddress::lookupKey)
                .filter(old -> !old.equals(email.lookupKey()))
                .ifPresent(old -> owners.remove(current.storeId() + "/email#" + old));
        owners.put(claim, current.customerId());
        customers.put(key(current.storeId(), current.customerId()), new Customer(stored.storeId(),
                stored.customerId(), email.value(), stored.phoneE164(), stored.firstName(), stored.lastName(), false,
                false, now, stored.consecutiveCodeFailures(), stored.lastCodeFailureAt(), stored.email(),
                stored.language()));
        audit.record(entry);
        return EmailChange.CHANGED;
    }

    @Override
    public synchronized boolean revokeCredentials(String storeId, String customerId, Instant now, AuditEntry entry) {
        return update(storeId, customerId, entry, customer -> new Customer(customer.storeId(),
                customer.customerId(), customer.email(), customer.phoneE164(), customer.firstName(),
                customer.lastName(), customer.emailBouncing(), customer.emailComplained(), now,
                customer.consecutiveCodeFailures(), customer.lastCodeFailureAt(), customer.previousEmail(),
                customer.language()));
    }

    @Override
    public synchronized boolean unlockCodeLogin(String storeId, String customerId, AuditEntry entry) {
        return update(storeId, customerId, entry, customer -> failures(customer, 0, null));
    }

    @Override
    public Guess countAside(String storeId, Instant now) {
        return Guess.NO_CUSTOMER;
    }

    @Override
    public synchronized Guess countCodeGuess(String storeId, String customerId, int limit, Duration lockDuration,
                                             Instant now) {
        Customer customer = customers.get(key(storeId, customerId));
        if (customer == null) {
            return Guess.NO_CUSTOMER;
        }
        if (customer.consecutiveCodeFailures() < limit) {
            customers.put(key(storeId, customerId), failures(customer, customer.consecutiveCodeFailures() + 1, now));
            return Guess.COUNTED;
        }
        if (customer.codeLoginLocked(limit, lockDuration, now)) {
            return Guess.LOCKED;
        }
        customers.put(key(storeId, customerId), failures(customer, 1, now));
        return Guess.COUNTED;
    }

    @Override
    public synchronized boolean markEmailProblem(String storeId, String customerId, EmailAddress address,
                                                 EmailProblem problem, AuditEntry entry) {
        Customer customer = customers.get(key(storeId, customerId));
        boolean stillOnFile = customer != null && EmailAddress.parse(customer.email())
                .filter(onFile -> onFile.lookupKey().equals(address.lookupKey())).isPresent();
        if (!stillOnFile) {
            return false;
        }
        return update(storeId, customerId, entry, found -> new Customer(found.storeId(), found.customerId(),
                found.email(), found.phoneE164(), found.firstName(), found.lastName(),
                found.emailBouncing() || problem == EmailProblem.BOUNCING,
                found.emailComplained() || problem == EmailProblem.COMPLAINED, found.credentialsRevokedAt(),
                found.consecutiveCodeFailures(), found.lastCodeFailureAt(), found.previousEmail(),
                found.language()));
    }

    /** What a successful sign-in does to the customer (the login store calls it inside its own step). */
    synchronized boolean signInIfNotRevokedSince(String storeId, String customerId, Instant issuedAt,
                                                 String language) {
        Customer customer = customers.get(key(storeId, customerId));
        if (customer == null || customer.revokedSince(issuedAt)) {
            return false;
        }
        Customer signedIn = failures(customer, 0, null);
        customers.put(key(storeId, customerId), language == null ? signedIn : signedIn.withLanguage(language));
        return true;
    }

    private boolean update(String storeId, String customerId, AuditEntry entry, Function<Customer, Customer> change) {
        Customer customer = customers.get(key(storeId, customerId));
        if (customer == null) {
            return false;
        }
        customers.put(key(storeId, customerId), change.apply(customer));
        audit.record(entry);
        return true;
    }

    private static Customer failures(Customer customer, int count, Instant at) {
        return new Customer(customer.storeId(), customer.customerId(), customer.email(), customer.phoneE164(),
                customer.firstName(), customer.lastName(), customer.emailBouncing(), customer.emailComplained(),
                customer.credentialsRevokedAt(), count, at, customer.previousEmail(), customer.language());
    }
}
