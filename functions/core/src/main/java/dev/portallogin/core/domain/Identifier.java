package dev.portallogin.core.domain;

import dev.portallogin.core.domain.PortalFailure.InvalidIdentifier;
import java.util.Optional;

/** What a customer types on the login page: an email address or a phone number. */
public final class Identifier {

    private final EmailAddress email;
    private final PhoneNumber phone;

    private Identifier(EmailAddress email, PhoneNumber phone) {
        this.email = email;
        this.phone = phone;
    }

    /**
     * Reads input containing {@code @} as an email address and anything else as a phone number, a number without
     * country prefix being one of {@code defaultRegion}. Empty when it is neither.
     */
    public static Optional<Identifier> parse(String raw, String defaultRegion) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.indexOf('@') >= 0) {
            return EmailAddress.parse(raw).map(email -> new Identifier(email, null));
        }
        return PhoneNumber.parse(raw, defaultRegion).map(phone -> new Identifier(null, phone));
    }

    /**
     * What a customer typed on {@code store}'s login page, a phone without country prefix being one of the store's
     * default country; neither an email address nor a phone number is {@link InvalidIdentifier}.
     */
    public static Identifier typedAt(Store store, String raw) {
        return parse(raw, store.defaultCountry()).orElseThrow(InvalidIdentifier::new);
    }

    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email);
    }

    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    /** The normal form rate limits are counted under: lower-cased email or E.164 number. */
    public String normalForm() {
        return email != null ? email.lookupKey() : phone.e164();
    }

    public String masked() {
        return email != null ? email.masked() : phone.masked();
    }

    @Override
    public String toString() {
        return masked();
    }
}
