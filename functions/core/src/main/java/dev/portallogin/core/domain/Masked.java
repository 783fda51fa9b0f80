package dev.portallogin.core.domain;

import java.util.List;
import java.util.Optional;

/** Text that may be personal, made safe for logs and audit entries. */
public final class Masked {

    private Masked() {
    }

    /**
     * An email address on file as stored, masked: {@code j***@example.com}; {@code none} when there is none; the
     * first character and a note when it is not a valid address ({@code c*** (not a valid address)}).
     */
    public static String storedEmail(String stored) {
        if (stored == null || stored.isBlank()) {
            return "none";
        }
        Optional<EmailAddress> email = EmailAddress.parse(stored);
        return email.map(EmailAddress::masked).orElse(stored.strip().charAt(0) + "*** (not a valid address)");
    }

    /**
     * What an agent searched for: an email or phone number masked as such, anything else (a name, an id) with only
     * its first two characters shown.
     */
    public static String searchTerm(String term, String defaultCountry) {
        String stripped = term.strip();
        Optional<Identifier> identifier = Identifier.parse(stripped, defaultCountry);
        if (identifier.isPresent()) {
            return identifier.get().masked();
        }
        int shown = Math.min(2, stripped.length());
        return stripped.substring(0, shown) + "*".repeat(Math.min(8, stripped.length() - shown));
    }

    /**
     * The two sides of an email change as the trail shows them, partly shown ({@link EmailAddress#partlyShown}) so an
     * agent can tell them apart; when even that shows them alike, each gets a short fingerprint of its own.
     *
     * @return the old address as it was stored (or {@code none}), then the new one
     */
    public static List<String> emailChange(String stored, EmailAddress to) {
        Optional<EmailAddress> from = EmailAddress.parse(stored);
        String before = from.map(EmailAddress::partlyShown).orElseGet(() -> storedEmail(stored));
        String after = to.partlyShown();
        if (before.equals(after) && from.isPresent()) {
            return List.of(before + " #" + fingerprint(from.get()), after + " #" + fingerprint(to));
        }
        return List.of(before, after);
    }

    private static String fingerprint(EmailAddress address) {
        return Digests.sha256(address.value()).substring(0, 4);
    }
}
