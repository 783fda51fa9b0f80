package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A subscriber of one store.
 *
 * @param email                   the address on file as stored; may be missing or invalid (imported data)
 * @param phoneE164               the phone on file in E.164 form, or null
 * @param emailBouncing           true once SES reported the address as permanently bouncing
 * @param emailComplained         true once the customer marked a login email as spam
 * @param credentialsRevokedAt    codes, links and sessions from before this instant no longer work; null when never
 * @param consecutiveCodeFailures wrong codes since the last successful sign-in (or unlock)
 * @param lastCodeFailureAt       when the last of them was counted; code sign-in locks from there, or null
 * @param previousEmail           the address an agent changed away from, which the notice of the change may go to;
 *                                null when the email never changed
 * @param language                the language of the browser she last signed in with ({@link Language}), or null
 */
public record Customer(String storeId, String customerId, String email, String phoneE164, String firstName,
                       String lastName, boolean emailBouncing, boolean emailComplained, Instant credentialsRevokedAt,
                       int consecutiveCodeFailures, Instant lastCodeFailureAt, String previousEmail, String language) {

    /** A customer whose language is not known. */
    public Customer(String storeId, String customerId, String email, String phoneE164, String firstName,
                    String lastName, boolean emailBouncing, boolean emailComplained, Instant credentialsRevokedAt,
                    int consecutiveCodeFailures, Instant lastCodeFailureAt, String previousEmail) {
        this(storeId, customerId, email, phoneE164, firstName, lastName, emailBouncing, emailComplained,
                credentialsRevokedAt, consecutiveCodeFailures, lastCodeFailureAt, previousEmail, null);
    }

    /** A customer as imported: no complaint, no revocation, no failed codes. */
    public Customer(String storeId, String customerId, String email, String phoneE164, String firstName,
                    String lastName, boolean emailBouncing, Instant credentialsRevokedAt) {
        this(storeId, customerId, email, phoneE164, firstName, lastName, emailBouncing, false, credentialsRevokedAt,
                0, null, null);
    }

    /**
     * Code sign-in is paused once {@code limit} wrong codes came in a row, for {@code lockDuration} after the last
     * of them, or until a magic-link sign-in or an agent's unlock.
     */
    public boolean codeLoginLocked(int limit, Duration lockDuration, Instant now) {
        return codeLoginLockedUntil(limit, lockDuration).filter(now::isBefore).isPresent();
    }

    /** When a lock from {@code limit} wrong codes ends; empty when the count never reached the limit. */
    public Optional<Instant> codeLoginLockedUntil(int limit, Duration lockDuration) {
        if (consecutiveCodeFailures < limit) {
            return Optional.empty();
        }
        return Optional.of(lastCodeFailureAt == null ? Instant.MAX : lastCodeFailureAt.plus(lockDuration));
    }

    /** The address login mail may go to: present, accepted by a mail system, neither bouncing nor complained. */
    public Optional<EmailAddress> deliverableEmail() {
        return emailBouncing || emailComplained ? Optional.empty() : EmailAddress.parse(email);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phoneE164);
    }

    /** Whether something issued or opened at {@code at} was cut off by a revoke or an email change. */
    public boolean revokedSince(Instant at) {
        return credentialsRevokedAt != null && !at.isAfter(credentialsRevokedAt);
    }

    /** Her name as a greeting uses it; null when the record has none. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? null : name;
    }

    public Customer withLanguage(String spoken) {
        return new Customer(storeId, customerId, email, phoneE164, firstName, lastName, emailBouncing,
                emailComplained, credentialsRevokedAt, consecutiveCodeFailures, lastCodeFailureAt, previousEmail,
                spoken);
    }
}
