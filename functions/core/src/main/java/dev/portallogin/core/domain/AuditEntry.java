package dev.portallogin.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What a support agent did to a customer's login, for the customer's audit trail. Details hold only masked or
 * non-secret values (never a token, code or full address).
 *
 * @param action  {@code magic_link_generated}, {@code portal_link_generated}, {@code credentials_revoked} or
 *                {@code email_changed}
 */
public record AuditEntry(String storeId, String customerId, String agentId, String action, Instant at,
                         Map<String, String> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }
}
