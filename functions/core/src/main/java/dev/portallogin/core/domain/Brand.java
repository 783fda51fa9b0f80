package dev.portallogin.core.domain;

import java.net.URI;
import java.time.ZoneId;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a store presents itself to its customers: the name they know it by, its logo and colour, who its login emails
 * come from and whom to answer, its time zone, and the languages it speaks. Every part is optional; a store without
 * a brand reads as it always did (its name, the service's blue, UTC, English). The values end up in emails and
 * pages, so each is checked here: the colour is a plain {@code #rrggbb}, the logo an {@code https} URL, the time zone
 * a known one, the languages ones this service has words for ({@link Language}).
 *
 * @param displayName     the store's name as its customers know it ("Acme Coffee Club"); else the store's name
 * @param logoUrl         an {@code https} image the emails and pages show above the text, or null
 * @param accentColour    buttons and the header rule, {@code #rrggbb}, or null for the service's blue
 * @param senderName      the name login emails come from ({@code "Acme Coffee Club" <login@…>}), or null
 * @param supportContact  where a customer's answer to a login email goes (an email address), or null
 * @param timeZone        the store's time zone for every time a customer reads
 * @param languages       the languages the store's customers are written to in, first the default
 */
public record Brand(String displayName, String logoUrl, String accentColour, String senderName,
                    String supportContact, ZoneId timeZone, List<String> languages) {

    private static final ZoneId UTC_ZONE = ZoneId.of("UTC");
    /** The service's own look: no logo, its blue, UTC, English. */
    public static final Brand NONE = new Brand(null, null, null, null, null, UTC_ZONE, List.of(Language.ENGLISH));
    public static final String DEFAULT_ACCENT = "#1a56db";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    public Brand {
        displayName = blankToNull(displayName);
        logoUrl = blankToNull(logoUrl);
        accentColour = blankToNull(accentColour);
        senderName = blankToNull(senderName);
        supportContact = blankToNull(supportContact);
        timeZone = timeZone == null ? UTC_ZONE : timeZone;
        languages = languages == null || languages.isEmpty() ? List.of(Language.ENGLISH) : List.copyOf(languages);
        if (accentColour != null && !COLOUR.matcher(accentColour).matches()) {
            throw new IllegalArgumentException("the accent colour is not #rrggbb: " + accentColour);
        }
        if (logoUrl != null && !logoUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the logo is not an https URL: " + logoUrl);
        }
        if (logoUrl != null) {
            URI.create(logoUrl);
        }
        if (supportContact != null && EmailAddress.parse(supportContact).isEmpty()) {
            throw new IllegalArgumentException("the support contact is not an email address: " + supportContact);
        }
        for (String language : languages) {
            if (!Language.SUPPORTED.contains(language)) {
                throw new IllegalArgumentException("no words for the language '" + language + "'; known: "
                        + Language.SUPPORTED);
            }
        }
    }

    /** Reads the seed's or the item's text form; a blank time zone is UTC. */
    public static Brand of(String displayName, String logoUrl, String accentColour, String senderName,
                           String supportContact, String timeZone, List<String> languages) {
        return new Brand(displayName, logoUrl, accentColour, senderName, supportContact,
                timeZone == null || timeZone.isBlank() ? UTC_ZONE : ZoneId.of(timeZone.strip()),
                languages == null ? null
                        : languages.stream().map(tag -> tag.strip().toLowerCase(Locale.ROOT)).toList());
    }

    /** The language a customer is written to when nothing says theirs. */
    public String defaultLanguage() {
        return languages.get(0);
    }

    public String accent() {
        return Optional.ofNullable(accentColour).orElse(DEFAULT_ACCENT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
