package dev.portallogin.updateemail;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.Masked;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.EmailInUse;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.InvalidEmail;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.CustomerAccounts.EmailChange;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryQueue;
import dev.portallogin.core.support.SupportAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A support agent fixes a customer's email address. The change is atomic with the store-wide uniqueness entry, so
 * two agents racing to give one address to two customers leave exactly one owner; every code, link and session from
 * before the change stops working; a bounce or complaint mark is cleared; the old address, when it was deliverable,
 * is told.
 */
public final class UpdateEmail {

    /** Parallel edits of one customer re-read and retry; each retry means another agent's edit landed first. */
    private static final int MAX_ATTEMPTS = 25;

    private final Stores stores;
    private final Customers customers;
    private final CustomerAccounts accounts;
    private final SupportAccess access;
    private final DeliveryQueue deliveries;
    private final Duration noticeLifetime;
    private final Clock clock;

    /** @param noticeLifetime how long the notice to the old address is worth sending (the queue keeps no longer) */
    public UpdateEmail(Stores stores, Customers customers, CustomerAccounts accounts, DeliveryQueue deliveries,
            Duration noticeLifetime, Clock clock) {
        this.stores = stores;
        this.customers = customers;
        this.accounts = accounts;
        this.access = new SupportAccess(stores);
        this.deliveries = deliveries;
        this.noticeLifetime = noticeLifetime;
        this.clock = clock;
    }

    /** The address on file after the change, and whether it changed (saving the address on file changes nothing). */
    public record Updated(EmailAddress email, boolean changed) {
    }

    /**
     * @return the address now on file, in normal form, and whether this call changed it
     * @throws InvalidEmail     an address a mail system would refuse
     * @throws Forbidden        an agent not listed for the store (or a store that does not exist)
     * @throws UnknownStore     the trusted backend naming a store that does not exist
     * @throws CustomerNotFound no such customer in the store
     * @throws EmailInUse       another customer of the store has the address
     */
    public Updated update(Actor caller, String storeId, String customerId, String rawEmail) {
        EmailAddress email = EmailAddress.parse(rawEmail).orElseThrow(InvalidEmail::new);
        Store store = access.store(caller, storeId);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Customer customer = customers.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
            if (email.value().equals(customer.email()) && customer.deliverableEmail().isPresent()) {
                return new Updated(email, false);
            }
            Instant now = clock.instant();
            EmailChange change = accounts.changeEmail(customer, email, now, audit(caller, customer, now, email));
            switch (change) {
                case CHANGED -> {
                    Log.info("email_changed", "store", storeId, "customer", customerId, "to", email.masked());
                    notifyPreviousAddress(store, customer, email, now);
                    return new Updated(email, true);
                }
                case EMAIL_IN_USE -> throw new EmailInUse();
                case CUSTOMER_CHANGED -> Log.info("email_change_retried", "store", storeId, "customer", customerId);
                default -> throw new IllegalStateException("unknown outcome " + change);
            }
        }
        throw new IllegalStateException("the customer kept changing during " + MAX_ATTEMPTS + " attempts");
    }

    private static AuditEntry audit(Actor caller, Customer customer, Instant now, EmailAddress email) {
        Map<String, String> details = new LinkedHashMap<>();
        List<String> change = Masked.emailChange(customer.email(), email);
        details.put("from", change.get(0));
        details.put("to", change.get(1));
        if (customer.emailBouncing() || customer.emailComplained()) {
            details.put("cleared", customer.emailBouncing() ? "bouncing" : "complained");
        }
        return new AuditEntry(customer.storeId(), customer.customerId(), "email_changed", caller, now, details);
    }

    /** A notice the queue cannot take does not undo the change: the change is what the agent asked for. */
    private void notifyPreviousAddress(Store store, Customer before, EmailAddress newAddress, Instant now) {
        Optional<EmailAddress> previous = before.deliverableEmail()
                .filter(old -> !old.lookupKey().equals(newAddress.lookupKey()));
        if (previous.isEmpty()) {
            return;
        }
        try {
            deliveries.enqueue(List.of(OutgoingMessage.email(OutgoingMessage.EMAIL_CHANGED,
                    LoginMessages.emailChanged(store, before, previous.get(), newAddress), now.plus(noticeLifetime))));
        } catch (DeliveryException failure) {
            Log.warn("delivery_failed", "channel", "queue", "cause", failure.getCause().getClass().getSimpleName());
        }
    }
}
