package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;
import static dev.portallogin.core.adapter.dynamodb.Attributes.string;

import dev.portallogin.core.domain.AuditEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Audit entries live in the directory table beside the customer: {@code pk} = store id,
 * {@code sk} = {@code audit#<customer id>#<zero-padded epoch millis>#<random>}, so one query in reverse key order
 * lists a customer's trail newest first.
 */
final class AuditItems {

    static final String PREFIX = "audit#";
    private static final String AGENT_ID = "agentId";
    private static final String ACTION = "action";
    private static final String AT = "at";
    private static final String DETAILS = "details";

    private AuditItems() {
    }

    static String customerPrefix(String customerId) {
        return PREFIX + customerId + "#";
    }

    static Map<String, AttributeValue> item(AuditEntry entry) {
        String sortKey = customerPrefix(entry.customerId()) + String.format("%015d", entry.at().toEpochMilli()) + "#"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, AttributeValue> item = new HashMap<>(DirectoryItems.key(entry.storeId(), sortKey));
        item.put(DirectoryItems.CUSTOMER_ID, s(entry.customerId()));
        item.put(AGENT_ID, s(entry.agentId()));
        item.put(ACTION, s(entry.action()));
        item.put(AT, epochMillis(entry.at()));
        Map<String, AttributeValue> details = new HashMap<>();
        entry.details().forEach((name, value) -> details.put(name, s(value)));
        item.put(DETAILS, AttributeValue.fromM(details));
        return item;
    }

    static AuditEntry entry(Map<String, AttributeValue> item) {
        Map<String, String> details = new LinkedHashMap<>();
        item.getOrDefault(DETAILS, AttributeValue.fromM(Map.of())).m()
                .forEach((name, value) -> details.put(name, value.s()));
        return new AuditEntry(string(item, DirectoryItems.PK), string(item, DirectoryItems.CUSTOMER_ID),
                string(item, AGENT_ID), string(item, ACTION), Instant.ofEpochMilli(Attributes.number(item, AT)),
                details);
    }
}
