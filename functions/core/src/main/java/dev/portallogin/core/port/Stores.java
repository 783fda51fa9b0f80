package dev.portallogin.core.port;

import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import java.util.List;
import java.util.Optional;

/** The stores, and which support principals each lists: what a sign-in reads first and support access checks. */
public interface Stores {

    Optional<Store> findStore(String storeId);

    /** The store a request names; a store that does not exist is {@link UnknownStore}. */
    default Store requireStore(String storeId) {
        return findStore(storeId).orElseThrow(UnknownStore::new);
    }

    /** A store a support principal may act on, as listed to them. */
    record StoreGrant(String storeId, String name) {
    }

    /** Every store (for the dashboard's trusted backend, which acts on all of them). */
    List<StoreGrant> listStores();

    /** The stores whose {@code agentPrincipals} list {@code principalKey} (a {@code PrincipalArn} key). */
    List<StoreGrant> storesOf(String principalKey);

    /** Whether the store exists and lists {@code principalKey} among its support principals. */
    boolean mayActOn(String principalKey, String storeId);
}
