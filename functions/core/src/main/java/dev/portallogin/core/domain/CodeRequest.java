package dev.portallogin.core.domain;

import java.time.Instant;

/**
 * A customer's ask for a login code, as {@code request-code} hands it to the delivery queue once the request passed
 * its limits: the request path does the same work for every identifier, and finding the customer, their budget and
 * issuing the code happen after the queue ({@code deliver-message}).
 *
 * @param id          what makes two copies of one request issue one code
 * @param identifier  the identifier's normal form (lower-cased email or E.164 number)
 * @param network     the {@link SourceNetwork#key()} the request came from
 * @param deviceHash  SHA-256 of the device cookie the browser presented (a browser someone signed in with), or null
 * @param browserHash SHA-256 of the sign-in cookie given to the browser that asked, so the link signs in there
 * @param expiresAt   after this the request is stale and dropped
 * @param language    the asking browser's preferred language among the store's ({@link Language}), or null: her
 *                    messages are in it unless she has a language of her own
 */
public record CodeRequest(String id, String storeId, String identifier, String network, String deviceHash,
                          String browserHash, Instant requestedAt, Instant expiresAt, String language) {

    public CodeRequest(String id, String storeId, String identifier, String network, String deviceHash,
                       String browserHash, Instant requestedAt, Instant expiresAt) {
        this(id, storeId, identifier, network, deviceHash, browserHash, requestedAt, expiresAt, null);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Never the identifier. */
    @Override
    public String toString() {
        return "CodeRequest[" + id + ", " + storeId + "]";
    }
}
