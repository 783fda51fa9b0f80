package dev.portallogin.core.domain;

/**
 * A subscription of one customer in one store.
 *
 * @param plan what the customer subscribed to, as the store names it ("Coffee of the month"), or null
 */
public record Subscription(String storeId, String subscriptionId, String customerId, String status, String plan) {

    public Subscription(String storeId, String subscriptionId, String customerId, String status) {
        this(storeId, subscriptionId, customerId, status, null);
    }
}
