package dev.portallogin.updateemail;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CustomerDirectory;
import dev.portallogin.core.support.SupportAccess;
import java.util.List;

/** What support did to a customer's login, and the customer's own sign-ins and refused codes, newest first. */
public final class AuditTrail {

    /** One screen of a dashboard; older entries stay stored. */
    public static final int PAGE = 100;

    private final CustomerDirectory directory;
    private final SupportAccess access;
    private final AuditLog audit;

    public AuditTrail(CustomerDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.access = new SupportAccess(directory);
        this.audit = audit;
    }

    /** @throws CustomerNotFound no such customer in the store */
    public List<AuditEntry> list(Actor caller, String storeId, String customerId) {
        access.store(caller, storeId);
        directory.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
        return audit.list(storeId, customerId, PAGE);
    }
}
