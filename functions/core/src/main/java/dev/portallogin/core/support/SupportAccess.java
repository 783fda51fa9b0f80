package dev.portallogin.core.support;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Stores.StoreGrant;
import java.util.List;

/**
 * Who may act on which store. An agent over HTTP acts only on the stores that list the IAM principal that signed
 * the request; any other store, existing or not, is refused the same way, so store ids cannot be probed. The
 * dashboard's trusted backend, invoking the functions directly, was authorised by IAM to invoke them at all and
 * authenticates its agents itself: it acts on every store.
 */
public final class SupportAccess {

    private final Stores stores;

    public SupportAccess(Stores stores) {
        this.stores = stores;
    }

    /**
     * The store {@code caller} acts on.
     *
     * @throws Forbidden    an agent not listed for the store, or a store that does not exist (agents)
     * @throws UnknownStore a store that does not exist (trusted backend)
     */
    public Store store(Actor caller, String storeId) {
        if (caller.isTrustedBackend()) {
            return stores.requireStore(storeId);
        }
        if (!stores.mayActOn(caller.principal(), storeId)) {
            throw new Forbidden();
        }
        return stores.findStore(storeId).orElseThrow(Forbidden::new);
    }

    /** The stores {@code caller} may act on, read from the caller's own grants, never from every store. */
    public List<StoreGrant> stores(Actor caller) {
        return caller.isTrustedBackend() ? stores.listStores() : stores.storesOf(caller.principal());
    }
}
