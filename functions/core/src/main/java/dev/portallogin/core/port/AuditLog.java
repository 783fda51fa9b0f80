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
     * Makes the round trip {@link #record} makes, writing nothing: for a refusal about an identifier that is no
     * customer, so that it takes as long as a customer's refusal, which is recorded.
     */
    void recordNothing(String storeId);

    /** The customer's entries, newest first, at most {@code limit}. */
    List<AuditEntry> list(String storeId, String customerId, int limit);
}
