package dev.portallogin.core.domain;

/**
 * The shape of store, customer, subscription and agent ids: 1 to 64 letters, digits, {@code _ . -}, starting
 * with a letter or digit. Anything else (separators, path traversal, control characters) never reaches a key.
 */
public final class RecordId {

    public static final int MAX_LENGTH = 64;

    /**
     * Stands in for a customer where there is none: a typed code for an identifier that is no customer is counted
     * and recorded on keys made with it, as a customer's are on hers. Never {@link #isWellFormed well formed}, so no
     * record has it and no request can name it.
     */
    public static final String NOBODY = "~";

    private RecordId() {
    }

    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !isLetterOrDigit(id.charAt(0))) {
            return false;
        }
        return id.chars().allMatch(c -> isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')
                && !id.contains("..");
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
