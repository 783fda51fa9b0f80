package dev.portallogin.core.domain;

import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.util.Locale;
import java.util.Optional;

/**
 * An email address a mail system would accept, in normal form: trimmed, domain lower-cased, local part as given.
 * Two addresses that differ only in case belong to the same customer ({@link #lookupKey()}).
 */
public final class EmailAddress {

    /** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
    private static final int MAX_LENGTH = 254;

    private static final EmailValidator VALIDATOR = JMail.strictValidator()
            .disallowQuotedIdentifiers()
            .withRule(email -> email.comments().isEmpty(), "comments are not accepted")
            .withRule(email -> !email.hasIdentifier(), "display names are not accepted")
            .withRule(email -> !email.localPart().startsWith("\""), "quoted local parts are not accepted");

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** The address in normal form, or empty when a mail system would refuse it. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH || hasControlOrSpace(trimmed)) {
            return Optional.empty();
        }
        return VALIDATOR.tryParse(trimmed)
                .map(email -> email.localPart() + "@" + email.domain().toLowerCase(Locale.ROOT))
                .filter(normalised -> normalised.length() <= MAX_LENGTH)
                .map(EmailAddress::new);
    }

    public String value() {
        return value;
    }

    /** The case-insensitive key under which a store indexes this address. */
    public String lookupKey() {
        return value.toLowerCase(Locale.ROOT);
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** Safe for logs and audit records: {@code j***@example.com}. */
    public String masked() {
        return value.charAt(0) + "***@" + domain();
    }

    /**
     * Enough for an agent to tell two addresses apart in the trail, never the whole address: the first two
     * characters of the name, its last one when it is long enough, and the domain ({@code ja•••e@example.com}).
     */
    public String partlyShown() {
        String name = value.substring(0, value.lastIndexOf('@'));
        int lead = Math.min(2, Math.max(1, name.length() - 1));
        String tail = name.length() >= 5 ? name.substring(name.length() - 1) : "";
        return name.substring(0, lead) + "•••" + tail + "@" + domain();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && lookupKey().equals(that.lookupKey());
    }

    @Override
    public int hashCode() {
        return lookupKey().hashCode();
    }

    /** Masked, so that an address in a log line or exception message is never complete. */
    @Override
    public String toString() {
        return masked();
    }

    private static boolean hasControlOrSpace(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
    }
}
