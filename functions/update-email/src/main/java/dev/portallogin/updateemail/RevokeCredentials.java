package dev.portallogin.updateemail;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.CustomerDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** "I sent the link to the wrong person": every outstanding code and magic link of the customer stops working. */
public final class RevokeCredentials {

    private final CustomerDirectory directory;
    private final Clock clock;

    public RevokeCredentials(CustomerDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @return when the revocation took effect
     * @throws CustomerNotFound no such customer in the store
     */
    public Instant revoke(String storeId, String customerId, String agentId) {
        Instant now = clock.instant();
        AuditEntry entry = new AuditEntry(storeId, customerId, agentId, "credentials_revoked", now, Map.of());
        if (!directory.revokeCredentials(storeId, customerId, now, entry)) {
            throw new CustomerNotFound();
        }
        Log.info("credentials_revoked", "store", storeId, "customer", customerId);
        return now;
    }
}
