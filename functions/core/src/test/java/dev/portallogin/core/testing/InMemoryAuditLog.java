package dev.portallogin.core.testing;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.port.AuditLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@link AuditLog} in memory: entries are only added; a trail lists newest first. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public void recordAside(AuditEntry entry) {
        // Nothing: in memory there is no write to match, and no trail shows it.
    }

    @Override
    public synchronized List<AuditEntry> list(String storeId, String customerId, int limit) {
        List<AuditEntry> trail = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            AuditEntry entry = entries.get(i);
            if (entry.storeId().equals(storeId) && Objects.equals(entry.customerId(), customerId)) {
                trail.add(entry);
            }
        }
        trail.sort(Comparator.comparing(AuditEntry::at).reversed());
        return List.copyOf(trail.subList(0, Math.min(limit, trail.size())));
    }

    /** Everything recorded, oldest first: what a test reads to see what was audited, store-wide entries included. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }
}
