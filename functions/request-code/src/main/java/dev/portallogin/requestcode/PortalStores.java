package dev.portallogin.requestcode;

import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.Stores;

/** What a store's portal pages may show before anyone signs in: the store's name. */
public final class PortalStores {

    private final Stores stores;

    public PortalStores(Stores stores) {
        this.stores = stores;
    }

    /** @throws UnknownStore no such store */
    public Store store(String storeId) {
        return stores.requireStore(storeId);
    }
}
