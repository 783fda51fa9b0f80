package dev.portallogin.updateemail;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.support.SupportAccess;
import java.time.Clock;
import java.util.Map;

/**
 * Code sign-in pauses after 20 wrong codes in a row; an agent who has checked it is the customer lifts the pause
 * at once instead of the customer waiting for it to end.
 */
public final class UnlockCodeLogin {

    private final Stores stores;
    private final CustomerAccounts accounts;
    private final SupportAccess access;
    private final Clock clock;

    public UnlockCodeLogin(Stores stores, CustomerAccounts accounts, Clock clock) {
        this.stores = stores;
        this.accounts = accounts;
        this.access = new SupportAccess(stores);
        this.clock = clock;
    }

    /** @throws CustomerNotFound no such customer in the store */
    public void unlock(Actor caller, String storeId, String customerId) {
        access.store(caller, storeId);
        AuditEntry entry = new AuditEntry(storeId, customerId, "code_login_unlocked", caller, clock.instant(),
                Map.of());
        if (!accounts.unlockCodeLogin(storeId, customerId, entry)) {
            throw new CustomerNotFound();
        }
        Log.info("code_login_unlocked", "store", storeId, "customer", customerId);
    }
}
