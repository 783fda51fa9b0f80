package dev.portallogin.core.domain;

import java.util.Optional;

/** The opaque value of the {@code portal_session} cookie: 256 random bits; only its hash is stored. */
public final class SessionToken extends RandomSecret {

    private SessionToken(String value) {
        super(value);
    }

    public static SessionToken generate() {
        return new SessionToken(RandomSecret.randomValue());
    }

    /** Empty unless {@code raw} has the exact shape of a session value. */
    public static Optional<SessionToken> parse(String raw) {
        return RandomSecret.canonical(raw).map(SessionToken::new);
    }
}
