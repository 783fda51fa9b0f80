package dev.portallogin.core.adapter.ses;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The SES message tag that names the customer an email is about. Tag values may hold only letters, digits,
 * {@code _} and {@code -}, and ids may also hold {@code .}, so the value is {@code <store id>/<customer id>} in
 * unpadded base64url. SES copies the tag into every bounce and complaint report about the message.
 */
public final class RecipientTag {

    public static final String NAME = "recipient";

    /** The tag that names the queued message an email came from (its id as it is). */
    public static final String MESSAGE = "message";

    /** The store and customer a tag names. */
    public record Recipient(String storeId, String customerId) {
    }

    private RecipientTag() {
    }

    /** Whether SES takes {@code value} as a tag value as it is: letters, digits, {@code _} and {@code -}. */
    public static boolean isTagValue(String value) {
        return !value.isEmpty() && value.length() <= 256 && value.chars().allMatch(c -> c == '_' || c == '-'
                || (c < 128 && Character.isLetterOrDigit(c)));
    }

    public static String encode(String storeId, String customerId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((storeId + "/" + customerId).getBytes(StandardCharsets.UTF_8));
    }

    /** The recipient a tag value names; empty for a value this service did not write. */
    public static Optional<Recipient> decode(String value) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int slash = decoded.indexOf('/');
            return slash <= 0 || slash == decoded.length() - 1 ? Optional.empty()
                    : Optional.of(new Recipient(decoded.substring(0, slash), decoded.substring(slash + 1)));
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            return Optional.empty();
        }
    }
}
