package dev.portallogin.core.domain;

import java.util.Optional;

/**
 * The secret in a magic link: 256 random bits in base64url. Only {@link #hash()} is ever stored; the value itself
 * exists in the email (or the agent's response) and in the request that consumes it.
 */
public final class MagicLinkToken extends RandomSecret {

    private MagicLinkToken(String value) {
        super(value);
    }

    public static MagicLinkToken generate() {
        return new MagicLinkToken(RandomSecret.randomValue());
    }

    /** Empty unless {@code raw} has the exact shape of a token. */
    public static Optional<MagicLinkToken> parse(String raw) {
        return RandomSecret.canonical(raw).map(MagicLinkToken::new);
    }
}
