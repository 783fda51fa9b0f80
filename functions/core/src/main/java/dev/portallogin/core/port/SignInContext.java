package dev.portallogin.core.port;

import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.TrustedDevices.TrustedDevice;
import java.util.Optional;

/**
 * What a sign-in request reads before it counts anything, in one round trip: the store it names and the browser it
 * comes from, if the customer signed in with it before.
 */
public interface SignInContext {

    /** The store and the remembered browser, each when there is one. */
    record Context(Optional<Store> store, Optional<TrustedDevice> device) {

        /** @throws UnknownStore when the store does not exist */
        public Store requireStore() {
            return store.orElseThrow(UnknownStore::new);
        }
    }

    /**
     * @param deviceHash the hash of the browser's device cookie; callers pass a random one when the browser has none,
     *                   so that a request with a cookie costs what one without does
     */
    Context read(String storeId, String deviceHash);
}
