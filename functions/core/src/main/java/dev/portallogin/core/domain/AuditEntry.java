package dev.portallogin.core.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a customer's audit trail: what a support agent did to the customer's login, or what the customer (or
 * the mail system) did. Details hold only masked or non-secret values, never a token, a code or a full address.
 * Entries are only ever added: the functions can neither change nor delete one.
 *
 * @param customerId the customer it concerns, or null for a store-wide action (a search)
 * @param action     {@code magic_link_generated}, {@code portal_link_generated}, {@code profile_viewed},
 *                   {@code customers_searched}, {@code email_changed}, {@code credentials_revoked},
 *                   {@code code_login_unlocked}, {@code signed_in}, {@code code_refused}, {@code email_bounced},
 *                   {@code email_complained}
 */
public record AuditEntry(String storeId, String customerId, String action, Actor actor, Instant at,
                         Map<String, String> details) {

    public AuditEntry {
        details = Map.copyOf(details);
    }

    /** Customer and mail-system activity is kept for a while; what support did is kept for good. */
    public boolean isActivity() {
        return Actor.CUSTOMER.equals(actor.type()) || Actor.MAIL_SYSTEM.equals(actor.type());
    }
}
