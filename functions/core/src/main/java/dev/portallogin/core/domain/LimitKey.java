package dev.portallogin.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one rate-limit counter counts: a scope and the values that single it out. The factories below are every
 * counter the service keeps; how a key is stored (its format, its hash) is the rate limiter adapter's business.
 *
 * @param parts the values, in order; a browser the customer signed in with, or else the caller's network, comes
 *              last where the counter is per source
 */
public record LimitKey(String scope, List<String> parts) {

    public LimitKey {
        parts = List.copyOf(parts);
    }

    public static LimitKey of(String scope, String... parts) {
        return new LimitKey(scope, List.of(parts));
    }

    /** Code requests from one network, or from one browser the customer signed in with. */
    public static LimitKey codeRequestsFrom(Optional<String> deviceHash, SourceNetwork network) {
        return withSource("ip", List.of(), deviceHash, network.key());
    }

    /** Code requests for one identifier of a store from one network (or browser). */
    public static LimitKey codeRequestsFor(String storeId, String identifier, Optional<String> deviceHash,
                                           SourceNetwork network) {
        return withSource("identifier", List.of(storeId, identifier), deviceHash, network.key());
    }

    /** Codes sent to one customer for asks from one network (or browser), the network given by its key. */
    public static LimitKey codesSentTo(String storeId, String customerId, Optional<String> deviceHash,
                                       String networkKey) {
        return withSource("customer", List.of(storeId, customerId), deviceHash, networkKey);
    }

    /** Codes sent to one customer for browsers she never signed in with, from every network together. */
    public static LimitKey codesSentTo(String storeId, String customerId) {
        return of("customer", storeId, customerId);
    }

    /** Codes typed from one network, or from one browser the customer signed in with. */
    public static LimitKey codesTypedFrom(Optional<String> deviceHash, SourceNetwork network) {
        return deviceHash.map(hash -> of("verify-device", hash)).orElseGet(() -> of("verify-ip", network.key()));
    }

    /** Whether this counts codes typed from a network (as opposed to a browser the customer signed in with). */
    public boolean countsANetwork() {
        return scope.equals("verify-ip") || parts.contains("network");
    }

    /** Wrong codes for one customer of a store from one network. */
    public static LimitKey guessesFrom(String storeId, String customerId, String networkKey) {
        return of("guess", storeId, customerId, networkKey);
    }

    /** Guesses at live codes in one store: the ceiling that shows spraying. */
    public static LimitKey storeGuesses(String storeId) {
        return of("verify-store", storeId);
    }

    private static LimitKey withSource(String scope, List<String> parts, Optional<String> deviceHash,
                                       String networkKey) {
        List<String> all = new ArrayList<>(parts);
        all.add(deviceHash.isPresent() ? "device" : "network");
        all.add(deviceHash.orElse(networkKey));
        return new LimitKey(scope, all);
    }
}
