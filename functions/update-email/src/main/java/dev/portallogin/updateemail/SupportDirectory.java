package dev.portallogin.updateemail;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.PortalFailure.UnknownStore;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import java.util.List;

/** What the support dashboard looks up: stores, customers by email, phone or name, one customer in full. */
public final class SupportDirectory {

    /** Results per search: a support desk narrows its query rather than paging. */
    public static final int SEARCH_LIMIT = 25;

    /** A customer as an agent sees them: contact details, whether login mail can reach them, subscriptions. */
    public record CustomerView(Customer customer, boolean deliverableEmail, List<Subscription> subscriptions) {
    }

    private final CustomerDirectory directory;

    public SupportDirectory(CustomerDirectory directory) {
        this.directory = directory;
    }

    public List<Store> stores() {
        return directory.listStores();
    }

    /** @throws InvalidRequest a query shorter than 2 characters; @throws UnknownStore no such store */
    public List<Customer> search(String storeId, String query) {
        if (query == null || query.strip().length() < 2) {
            throw new InvalidRequest("Search with at least 2 characters of an email, phone number or name.");
        }
        directory.findStore(storeId).orElseThrow(UnknownStore::new);
        return directory.searchCustomers(storeId, query, SEARCH_LIMIT);
    }

    /** @throws CustomerNotFound no such customer in the store */
    public CustomerView customer(String storeId, String customerId) {
        Customer customer = directory.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
        return new CustomerView(customer, customer.deliverableEmail().isPresent(),
                directory.listSubscriptions(storeId, customerId));
    }
}
