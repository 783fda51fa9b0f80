package dev.portallogin.core.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are searched: case-insensitive and accent-insensitive prefixes ({@code jose d} finds José Díaz). A
 * customer is indexed under "first last" and under "last first", so a prefix of either name, or of the full name
 * in either order, finds them with one bounded range read.
 */
public final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Separates the name from the customer id, so two customers with one name have two keys. */
    public static final String ID_SEPARATOR = "#";

    private NameKey() {
    }

    /** The searchable form of a name or a typed prefix: lower case, no accents, single spaces, no {@code #}. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace(ID_SEPARATOR, " ");
        return SPACES.matcher(plain.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The "first last" key of a customer, or null when they have no name. */
    public static String firstLast(Customer customer) {
        return key(customer.firstName(), customer.lastName(), customer.customerId());
    }

    /** The "last first" key of a customer, or null when they have no name. */
    public static String lastFirst(Customer customer) {
        return key(customer.lastName(), customer.firstName(), customer.customerId());
    }

    private static String key(String leading, String trailing, String customerId) {
        String name = normalise((leading == null ? "" : leading) + " " + (trailing == null ? "" : trailing));
        return name.isEmpty() ? null : name + ID_SEPARATOR + customerId;
    }
}
