package dev.portallogin.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short numeric login code. Stored only as a keyed HMAC-SHA256 bound to the store, the customer and the code's
 * own id, so a stored hash can neither be brute-forced offline without the key nor replayed for another customer.
 */
public final class LoginCode {

    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 8;

    private final String digits;

    private LoginCode(String digits) {
        this.digits = digits;
    }

    /** A uniformly random code of {@code length} digits. */
    public static LoginCode generate(int length) {
        requireSupportedLength(length);
        SecureRandom random = new SecureRandom();
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return new LoginCode(digits.toString());
    }

    /** Empty unless {@code raw} is exactly {@code length} ASCII digits (surrounding blanks ignored). */
    public static Optional<LoginCode> parse(String raw, int length) {
        if (raw == null) {
            return Optional.empty();
        }
        String trimmed = raw.strip();
        if (trimmed.length() != length || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(new LoginCode(trimmed));
    }

    public String digits() {
        return digits;
    }

    /** HMAC-SHA256 of this code for one customer's one issued code. */
    public byte[] hmac(byte[] key, String storeId, String customerId, String codeId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String bound = storeId + '\n' + customerId + '\n' + codeId + '\n' + digits;
            return mac.doFinal(bound.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException unusable) {
            throw new IllegalStateException("HmacSHA256 is unavailable or the key is unusable", unusable);
        }
    }

    /** Constant-time comparison with a stored HMAC. */
    public boolean matches(byte[] storedHmac, byte[] key, String storeId, String customerId, String codeId) {
        return MessageDigest.isEqual(storedHmac, hmac(key, storeId, customerId, codeId));
    }

    public static void requireSupportedLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be " + MIN_LENGTH + " to " + MAX_LENGTH);
        }
    }

    @Override
    public String toString() {
        return "LoginCode[redacted]";
    }
}
