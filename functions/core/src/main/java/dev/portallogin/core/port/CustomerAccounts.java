package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import java.time.Instant;

/**
 * Changing a customer's account: what support does (email, revoke, unlock) and what the mail system reports. Each
 * change is one transaction with its audit entry.
 */
public interface CustomerAccounts {

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

    /** What the mail system reported about an address. */
    enum EmailProblem { BOUNCING, COMPLAINED }

    /**
     * Marks the customer's address as bouncing or complained, if {@code address} is still the one on file (an agent
     * may have changed it since the message went out), with the audit entry. False when nothing was marked.
     */
    boolean markEmailProblem(String storeId, String customerId, EmailAddress address, EmailProblem problem,
                             AuditEntry audit);
}
