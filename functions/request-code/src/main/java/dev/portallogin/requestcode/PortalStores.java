package dev.portallogin.requestcode;

import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.CustomerDirectory;

/** What a store's portal pages may show before anyone signs in: the store's name. */
public final class PortalStores {

    private final CustomerDirectory directory;

    public PortalStores(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** @throws UnknownStore no such store */
    public Store store(String storeId) {
        return directory.requireStore(storeId);
    }
}
