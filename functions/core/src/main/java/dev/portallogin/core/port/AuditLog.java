package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import java.util.List;

/** The per-customer trail of what support agents did. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** The customer's entries, newest first, at most {@code limit}. */
    List<AuditEntry> list(String storeId, String customerId, int limit);
}
