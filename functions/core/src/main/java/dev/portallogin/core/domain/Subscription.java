package dev.portallogin.core.domain;

/** A subscription of one customer in one store. */
public record Subscription(String storeId, String subscriptionId, String customerId, String status) {
}
