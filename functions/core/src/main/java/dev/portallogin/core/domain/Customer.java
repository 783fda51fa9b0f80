package dev.portallogin.core.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscriber of one store.
 *
 * @param email                 the address on file as stored; may be missing or invalid (imported data)
 * @param phoneE164             the phone on file in E.164 form, or null
 * @param emailBouncing         true once the mail system reported the address as bouncing
 * @param credentialsRevokedAt  codes and links issued before this instant no longer work; null when never revoked
 * @param consecutiveCodeFailures wrong codes since the last successful sign-in
 */
public record Customer(String storeId, String customerId, String email, String phoneE164, String firstName,
                       String lastName, boolean emailBouncing, Instant credentialsRevokedAt,
                       int consecutiveCodeFailures) {

    /** A customer as imported: no revocation, no failed codes. */
    public Customer(String storeId, String customerId, String email, String phoneE164, String firstName,
                    String lastName, boolean emailBouncing, Instant credentialsRevokedAt) {
        this(storeId, customerId, email, phoneE164, firstName, lastName, emailBouncing, credentialsRevokedAt, 0);
    }

    /** Code sign-in stays off after {@code limit} wrong codes in a row, until a magic link signs the customer in. */
    public boolean codeLoginLocked(int limit) {
        return consecutiveCodeFailures >= limit;
    }

    /** The address login mail may go to: present, accepted by a mail system and not bouncing. */
    public Optional<EmailAddress> deliverableEmail() {
        return emailBouncing ? Optional.empty() : EmailAddress.parse(email);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phoneE164);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? "there" : name;
    }
}
