package dev.portallogin.core.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * 256-bit random values in base64url, the shape shared by magic-link tokens and session values: the value goes to
 * the customer once, the tables keep {@link #hash()}, and the string form never shows it.
 */
abstract class RandomSecret {

    static final int BYTES = 32;
    /** 32 bytes in unpadded base64url. */
    static final int ENCODED_LENGTH = 43;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String value;

    RandomSecret(String value) {
        this.value = value;
    }

    public final String value() {
        return value;
    }

    public final String hash() {
        return sha256(value);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }

    /** A fresh value; the generator is created per use so that no state is shared across SnapStart restores. */
    static String randomValue() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /**
     * The value when it is exactly the canonical encoding of 32 bytes; padding, other alphabets or non-canonical
     * trailing bits are refused so that one secret has exactly one spelling.
     */
    static Optional<String> canonical(String raw) {
        if (raw == null || raw.length() != ENCODED_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!alphabet) {
                return Optional.empty();
            }
        }
        byte[] decoded = DECODER.decode(raw);
        return ENCODER.encodeToString(decoded).equals(raw) ? Optional.of(raw) : Optional.empty();
    }

    /** SHA-256 of the value, base64url: what the tables store instead of the value. */
    static String sha256(String value) {
        return Digests.sha256(value);
    }
}
