package dev.portallogin.updateemail;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.support.SupportAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * "I sent the link to the wrong person": every outstanding code and magic link of the customer stops working, and
 * every session already opened ends at its next request.
 */
public final class RevokeCredentials {

    private final Stores stores;
    private final CustomerAccounts accounts;
    private final SupportAccess access;
    private final Clock clock;

    public RevokeCredentials(Stores stores, CustomerAccounts accounts, Clock clock) {
        this.stores = stores;
        this.accounts = accounts;
        this.access = new SupportAccess(stores);
        this.clock = clock;
    }

    /**
     * @return when the revocation took effect
     * @throws CustomerNotFound no such customer in the store
     */
    public Instant revoke(Actor caller, String storeId, String customerId) {
        access.store(caller, storeId);
        Instant now = clock.instant();
        AuditEntry entry = new AuditEntry(storeId, customerId, "credentials_revoked", caller, now, Map.of());
        if (!accounts.revokeCredentials(storeId, customerId, now, entry)) {
            throw new CustomerNotFound();
        }
        Log.info("credentials_revoked", "store", storeId, "customer", customerId);
        return now;
    }
}
