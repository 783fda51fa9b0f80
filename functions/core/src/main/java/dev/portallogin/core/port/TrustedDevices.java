package dev.portallogin.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Browsers a customer signed in with, remembered by the hash of a long-lived cookie set at sign-in. Such a browser
 * is the customer's own: limits and pauses that strangers cause never stop it (the code must still be right).
 */
public interface TrustedDevices {

    /** A browser that signed in as the customer at {@code since}, trusted until {@code expiresAt}. */
    record TrustedDevice(String deviceHash, String storeId, String customerId, Instant since, Instant expiresAt) {

        public boolean trustedFor(String storeId, String customerId, Instant now) {
            return this.storeId.equals(storeId) && this.customerId.equals(customerId) && now.isBefore(expiresAt);
        }
    }

    void remember(TrustedDevice device);

    /**
     * The device stored under {@code deviceHash}. One read whether or not the browser presented a cookie (the
     * caller passes a random hash then), so a request with a cookie costs what one without does.
     */
    Optional<TrustedDevice> find(String deviceHash);
}
