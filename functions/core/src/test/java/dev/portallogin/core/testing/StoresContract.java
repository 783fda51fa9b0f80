package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.Stores.StoreGrant;
import org.junit.jupiter.api.Test;

/** What every {@link dev.portallogin.core.port.Stores} does: the stores, and which support principals each lists. */
public abstract class StoresContract extends DirectoryContract {

    protected StoresContract(Ports ports) {
        super(ports);
    }

    @Test
    void aPrincipalSeesAndActsOnTheStoresThatListItOnly() {
        Store listed = store("listed", ROLE);
        Store unlisted = store("unlisted");
        String principal = PrincipalArn.parse(ROLE).orElseThrow().key();

        assertThat(ports.stores().storesOf(principal)).contains(new StoreGrant(listed.storeId(), listed.name()))
                .doesNotContain(new StoreGrant(unlisted.storeId(), unlisted.name()));
        assertThat(ports.stores().mayActOn(principal, listed.storeId())).isTrue();
        assertThat(ports.stores().mayActOn(principal, unlisted.storeId())).isFalse();
        assertThat(ports.stores().mayActOn(principal, "dc-" + run + "-missing")).isFalse();
        assertThat(ports.stores().listStores()).contains(new StoreGrant(listed.storeId(), listed.name()),
                new StoreGrant(unlisted.storeId(), unlisted.name()));
    }
}
