package dev.portallogin.core.http;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.Subscription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents more than one route answers with, built in one place. */
public final class Documents {

    private Documents() {
    }

    /** A customer's contact details: what the portal shows its owner and the dashboard shows an agent. */
    public static Map<String, Object> contact(Customer customer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customer.customerId());
        document.put("firstName", customer.firstName());
        document.put("lastName", customer.lastName());
        document.put("email", customer.email());
        document.put("phone", customer.phoneE164());
        PhoneNumber.fromE164(customer.phoneE164())
                .ifPresent(phone -> document.put("phoneDisplay", phone.international()));
        if (customer.language() != null) {
            document.put("language", customer.language());
        }
        return document;
    }

    public static List<Map<String, Object>> subscriptions(List<Subscription> subscriptions) {
        return subscriptions.stream().map(subscription -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("subscriptionId", subscription.subscriptionId());
            document.put("status", subscription.status());
            if (subscription.plan() != null) {
                document.put("plan", subscription.plan());
            }
            return document;
        }).toList();
    }

    /** A signed-in customer: {@code {"customerId","storeId","expiresAt"}}. */
    public static Map<String, Object> session(String storeId, String customerId, Instant expiresAt) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customerId);
        document.put("storeId", storeId);
        document.put("expiresAt", expiresAt.toString());
        return document;
    }
}
