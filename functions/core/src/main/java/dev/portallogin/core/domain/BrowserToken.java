package dev.portallogin.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A random value kept in an HttpOnly cookie to recognise one browser later: the browser that asked for a login
 * code (so that the link it was sent signs in there without a click), or the page that holds a sign-in form (its
 * anti-forgery value). 256 random bits; where it is stored, only its hash is.
 */
public final class BrowserToken extends RandomSecret {

    private BrowserToken(String value) {
        super(value);
    }

    public static BrowserToken generate() {
        return new BrowserToken(RandomSecret.randomValue());
    }

    /** Empty unless {@code raw} has the exact shape of such a value. */
    public static Optional<BrowserToken> parse(String raw) {
        return RandomSecret.canonical(raw).map(BrowserToken::new);
    }

    /** A value only this token and {@code subject} together give: a page's form carries it for its own link. */
    public String boundTo(String subject) {
        return Digests.sha256(value() + "\n" + subject);
    }

    /** Whether {@code presented} is {@link #boundTo}({@code subject}), compared in constant time. */
    public boolean vouchesFor(String subject, String presented) {
        return subject != null && presented != null && MessageDigest.isEqual(
                boundTo(subject).getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code other} is this same value, compared in constant time. */
    public boolean sameAs(String other) {
        return other != null && MessageDigest.isEqual(value().getBytes(StandardCharsets.UTF_8),
                other.getBytes(StandardCharsets.UTF_8));
    }
}
