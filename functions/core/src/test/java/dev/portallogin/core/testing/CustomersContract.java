package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link dev.portallogin.core.port.Customers} does: finding a store's customers and subscriptions. */
public abstract class CustomersContract extends DirectoryContract {

    protected CustomersContract(Ports ports) {
        super(ports);
    }

    @Test
    void aCustomerIsFoundByIdEmailInAnyCaseAndPhoneInTheirOwnStoreOnly() {
        Store acme = store("acme");
        Store other = store("other");
        Customer jane = customer(acme, "c-1", "Jane@Example.com", "+12015550123", "Jane", "Doe");

        assertThat(ports.customers().findCustomer(acme.storeId(), "c-1")).contains(jane);
        assertThat(ports.customers().findCustomerByEmail(acme.storeId(), EmailAddress.parse("jane@EXAMPLE.com")
                .orElseThrow())).contains(jane);
        assertThat(ports.customers().findCustomerByPhone(acme.storeId(), "+12015550123")).contains(jane);
        assertThat(ports.customers().findCustomer(other.storeId(), "c-1")).isEmpty();
        assertThat(ports.customers().findCustomerByEmail(other.storeId(), EmailAddress.parse("jane@example.com")
                .orElseThrow())).isEmpty();
        assertThat(ports.customers().findCustomerByPhone(other.storeId(), "+12015550123")).isEmpty();
        assertThat(ports.stores().findStore(acme.storeId())).contains(acme);
        assertThat(ports.stores().findStore("dc-" + run + "-missing")).isEmpty();
    }

    @Test
    void subscriptionsAreTheCustomersOwnInIdOrder() {
        Store acme = store("acme");
        Customer jane = customer(acme, "c-1", "jane@example.com", null, "Jane", "Doe");
        Customer john = customer(acme, "c-2", "john@example.com", null, "John", "Roe");
        Subscription second = new Subscription(acme.storeId(), "sub-2", jane.customerId(), "paused");
        Subscription first = new Subscription(acme.storeId(), "sub-1", jane.customerId(), "active");
        Subscription johns = new Subscription(acme.storeId(), "sub-3", john.customerId(), "active");
        ports.load(List.of(), List.of(), List.of(second, first, johns));

        assertThat(ports.customers().listSubscriptions(acme.storeId(), jane.customerId()))
                .containsExactly(first, second);
        assertThat(ports.customers().findSubscription(acme.storeId(), "sub-3")).contains(johns);
        assertThat(ports.customers().findSubscription(store("other").storeId(), "sub-3")).isEmpty();
    }

    @Test
    void aNamePrefixFindsCustomersByFirstOrLastNameWithoutAccentsUpToTheLimitPerOrder() {
        Store acme = store("acme");
        Customer jose = customer(acme, "c-1", "jose@example.com", null, "José", "Díaz");
        Customer dana = customer(acme, "c-2", "dana@example.com", null, "Dana", "Jones");
        customer(acme, "c-3", "ann@example.com", null, "Ann", "Smith");
        customer(store("other"), "c-4", "joe@example.com", null, "Joe", "Other");

        assertThat(ports.customers().findCustomersByName(acme.storeId(), "jo", 10))
                .containsExactlyInAnyOrder(jose, dana);
        assertThat(ports.customers().findCustomersByName(acme.storeId(), "diaz j", 10)).containsExactly(jose);
        assertThat(ports.customers().findCustomersByName(acme.storeId(), "jose d", 10)).containsExactly(jose);
        assertThat(ports.customers().findCustomersByName(acme.storeId(), "d", 1)).hasSize(2);
        assertThat(ports.customers().findCustomersByName(acme.storeId(), "zz", 10)).isEmpty();
    }
}
