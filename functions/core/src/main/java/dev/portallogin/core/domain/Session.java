package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in portal session. {@link #token()} goes into the cookie once; the tables keep only its hash.
 *
 * @param method how the customer proved who they are: {@code code}, {@code link} or {@code agent-link}
 */
public record Session(SessionToken token, String storeId, String customerId, String method, Instant createdAt,
                      Instant expiresAt) {

    public static Session start(String storeId, String customerId, String method, Instant now, Duration lifetime) {
        return new Session(SessionToken.generate(), storeId, customerId, method, now, now.plus(lifetime));
    }

    public Duration lifetime() {
        return Duration.between(createdAt, expiresAt);
    }
}
