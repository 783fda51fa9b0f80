package dev.portallogin.core.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a customer is written to. Her own when known (kept on her record from the browser she last signed
 * in with), else the one her browser prefers among the store's languages, else the store's first. Only languages
 * the store lists are used, and only those this service has words for ({@link #SUPPORTED}).
 */
public final class Language {

    public static final String ENGLISH = "en";
    /** The languages every customer-facing bundle has, each with every key (a test holds them to it). */
    public static final List<String> SUPPORTED = List.of("en", "fr", "de", "es");

    private Language() {
    }

    /**
     * @param customers      the customer's own language, or null when unknown
     * @param acceptLanguage the browser's {@code Accept-Language} header, or null
     */
    public static String choose(String customers, String acceptLanguage, Brand brand) {
        if (customers != null && brand.languages().contains(customers)) {
            return customers;
        }
        return fromBrowser(acceptLanguage, brand.languages()).orElse(brand.defaultLanguage());
    }

    /** The first of the browser's preferred languages (by weight) among {@code offered}; a region is ignored. */
    public static Optional<String> fromBrowser(String acceptLanguage, List<String> offered) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                if (range.getWeight() > 0 && offered.contains(language)) {
                    return Optional.of(language);
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? ENGLISH : language);
    }
}
