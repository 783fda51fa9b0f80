package dev.portallogin.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 digests of text. */
public final class Digests {

    private Digests() {
    }

    /** Unpadded base64url: how secrets and personal keys are stored instead of their values. */
    public static String sha256(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", missing);
        }
    }
}
