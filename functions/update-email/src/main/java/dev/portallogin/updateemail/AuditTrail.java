package dev.portallogin.updateemail;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.PortalFailure.CustomerNotFound;
import dev.portallogin.core.port.AuditLog;
import dev.portallogin.core.port.CustomerDirectory;
import java.util.List;

/** What support agents did to a customer's login, newest first. */
public final class AuditTrail {

    /** One screen of a dashboard; older entries stay stored. */
    public static final int PAGE = 100;

    private final CustomerDirectory directory;
    private final AuditLog audit;

    public AuditTrail(CustomerDirectory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** @throws CustomerNotFound no such customer in the store */
    public List<AuditEntry> list(String storeId, String customerId) {
        directory.findCustomer(storeId, customerId).orElseThrow(CustomerNotFound::new);
        return audit.list(storeId, customerId, PAGE);
    }
}
