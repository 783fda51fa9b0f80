package dev.portallogin.core.port;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Session;
import java.time.Instant;
import java.util.Optional;

/**
 * Login codes, magic links and sessions, stored by hash only. Every operation that spends a secret is a single
 * conditional write, so of any number of parallel attempts at most the allowed ones succeed.
 */
public interface LoginStore {

    /** A login code as stored: its HMAC, never its digits. */
    record StoredCode(String storeId, String customerId, String codeId, byte[] hmac, Instant issuedAt,
                      Instant expiresAt, int attempts) {
    }

    /**
     * A magic link as stored under the hash of its token. A used link stays stored (until TTL removes it) marked
     * with {@code usedAt}, so that opening it again can be answered helpfully.
     *
     * @param source      {@code customer} for a link a customer asked for, {@code agent} for one support generated
     * @param sentTo      the masked address the link was emailed to, or null when it was not emailed
     * @param browserHash SHA-256 of the sign-in cookie of the browser that asked for it, or null (agent links)
     * @param usedAt      when it signed someone in, or null
     */
    record StoredLink(String tokenHash, String storeId, String customerId, String source, Instant issuedAt,
                      Instant expiresAt, String sentTo, String browserHash, Instant usedAt) {

        /** A new, unused link. */
        public StoredLink(String tokenHash, String storeId, String customerId, String source, Instant issuedAt,
                          Instant expiresAt, String sentTo, String browserHash) {
            this(tokenHash, storeId, customerId, source, issuedAt, expiresAt, sentTo, browserHash, null);
        }

        public boolean isAgentLink() {
            return "agent".equals(source);
        }

        public boolean isLiveAt(Instant now) {
            return usedAt == null && now.isBefore(expiresAt);
        }

        /** How long the link worked from when it was issued. */
        public java.time.Duration lifetime() {
            return java.time.Duration.between(issuedAt, expiresAt);
        }
    }

    /** A stored session, found by the hash of its cookie value. */
    record StoredSession(String storeId, String customerId, String method, Instant createdAt, Instant expiresAt) {
    }

    /**
     * Issues a customer's code and magic link together, replacing any code and customer-requested link issued
     * before: from then on only these two work.
     */
    void issueCustomerLogin(StoredCode code, StoredLink link);

    /**
     * Issues an agent's magic link together with the audit entry that says who made it, in one transaction: no link
     * exists without its entry. It lives beside any customer-requested link until used, expired or revoked.
     */
    void issueAgentLink(StoredLink link, AuditEntry audit);

    /**
     * Counts one attempt at the customer's live code before anyone compares it. Returns the code with the attempt
     * counted, or empty when there is no live code, it expired at {@code now}, or {@code maxAttempts} attempts were
     * already counted.
     */
    Optional<StoredCode> countCodeAttempt(String storeId, String customerId, int maxAttempts, Instant now);

    /**
     * Spends the code, starts the session and records the sign-in in the customer's trail, in one transaction. False
     * when the code was spent, replaced or revoked meanwhile; then no session exists.
     */
    boolean consumeCode(StoredCode code, Session session, AuditEntry signIn);

    /** The link stored under {@code tokenHash}, whether or not it is still valid. */
    Optional<StoredLink> findLink(String tokenHash);

    /**
     * Marks the link used, starts the session and records the sign-in, in one transaction; a customer-requested link
     * also ends the code that came with it. False when the link was used, replaced, expired at {@code now} or revoked
     * meanwhile.
     */
    boolean consumeLink(StoredLink link, Session session, Instant now, AuditEntry signIn);

    /** The hash of the customer's newest self-requested link, if one was issued and not yet spent. */
    Optional<String> currentCustomerLinkHash(String storeId, String customerId);

    /** The session stored under {@code tokenHash}, whether or not it is still valid. */
    Optional<StoredSession> findSession(String tokenHash);

    void deleteSession(String tokenHash);
}
