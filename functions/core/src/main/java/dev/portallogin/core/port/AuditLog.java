package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import java.util.List;

/**
 * The append-only trail of what support did and what happened to a customer's login. Entries can be added and
 * read, never changed or deleted (the functions' IAM policies allow nothing else on the audit table).
 */
public interface AuditLog {

    /** Adds an entry; never overwrites one. */
    void record(AuditEntry entry);

    /**
     * Writes {@code entry} as {@link #record} does, where no customer's trail is read and kept for a day only: for a
     * refusal about an identifier that is no customer, so that it costs what a customer's refusal costs. A refused
     * write answers sooner than one that writes, and that difference would tell a stranger who is a customer.
     */
    void recordAside(AuditEntry entry);

    /** The customer's entries, newest first, at most {@code limit}. */
    List<AuditEntry> list(String storeId, String customerId, int limit);
}
