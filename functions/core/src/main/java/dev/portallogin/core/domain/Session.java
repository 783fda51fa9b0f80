package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in portal session. {@link #token()} goes into the cookie once; the tables keep only its hash.
 *
 * @param method   how the customer proved who they are: {@code code}, {@code link} or {@code agent-link}
 * @param language the language of the browser she signed in with, among the store's ({@link Language}), which
 *                 becomes hers; null when the browser named none of them or an agent's link was used
 */
public record Session(SessionToken token, String storeId, String customerId, String method, Instant createdAt,
                      Instant expiresAt, String language) {

    public static Session start(String storeId, String customerId, String method, Instant now, Duration lifetime) {
        return start(storeId, customerId, method, now, lifetime, null);
    }

    public static Session start(String storeId, String customerId, String method, Instant now, Duration lifetime,
                                String language) {
        return new Session(SessionToken.generate(), storeId, customerId, method, now, now.plus(lifetime), language);
    }

    public Duration lifetime() {
        return Duration.between(createdAt, expiresAt);
    }
}
