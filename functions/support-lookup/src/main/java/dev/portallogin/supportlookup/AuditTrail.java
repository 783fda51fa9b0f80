package dev.portallogin.supportlookup;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.support.SupportAccess;
import java.util.List;

/** What support did to a customer's login, and the customer's own sign-ins and refused codes, newest first. */
public final class AuditTrail {

    /** One screen of a dashboard; older entries stay stored. */
    public static final int PAGE = 100;

    private final Stores stores;
    private final Customers customers;
    private final SupportAccess access;
    private final AuditLog audit;

    public AuditTrail(Stores stores, Customers customers, AuditLog audit) {
        this.stores = stores;
        this.customers = customers;
        this.access = new SupportAccess(stores);
        this.audit = audit;
    }

    /** @throws CustomerNotFound no such customer in the store */
    public List<AuditEntry> list(Actor caller, String storeId, String customerId) {
        access.store(caller, storeId);
        customers.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
        return audit.list(storeId, customerId, PAGE);
    }
}
