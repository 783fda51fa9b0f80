package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;
import static dev.portallogin.core.adapter.dynamodb.Attributes.string;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.security.SecureRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * Item layout of the audit table, which only ever receives new items. {@code pk} is
 * {@code customer#<store>#<customer>} for a customer's trail or {@code store#<store>} for store-wide actions
 * (searches); {@code sk} is {@code <zero-padded epoch millis>#<random>}, so one query in reverse key order lists a
 * trail newest first. Customer and mail-system activity carries {@value #EXPIRES_AT} (the table's TTL attribute)
 * and is kept {@link #ACTIVITY_RETENTION}; what support did is kept for good.
 */
public final class AuditItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String EXPIRES_AT = "expiresAt";
    static final Duration ACTIVITY_RETENTION = Duration.ofDays(90);

    private static final String STORE_ID = "storeId";
    private static final String CUSTOMER_ID = "customerId";
    private static final String ACTION = "action";
    private static final String ACTOR_TYPE = "actorType";
    private static final String PRINCIPAL = "principal";
    private static final String SESSION = "session";
    private static final String LABEL = "label";
    private static final String REASON = "reason";
    private static final String AT = "at";
    private static final String DETAILS = "details";

    private AuditItems() {
    }

    static String partition(String storeId, String customerId) {
        return customerId == null ? "store#" + storeId : "customer#" + storeId + "#" + customerId;
    }

    static Map<String, AttributeValue> item(AuditEntry entry) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String sortKey = String.format("%015d", entry.at().toEpochMilli()) + "#" + HexFormat.of().formatHex(random);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(partition(entry.storeId(), entry.customerId())));
        item.put(SK, s(sortKey));
        item.put(STORE_ID, s(entry.storeId()));
        if (entry.customerId() != null) {
            item.put(CUSTOMER_ID, s(entry.customerId()));
        }
        item.put(ACTION, s(entry.action()));
        item.put(ACTOR_TYPE, s(entry.actor().type()));
        putIfPresent(item, PRINCIPAL, entry.actor().principal());
        putIfPresent(item, SESSION, entry.actor().session());
        putIfPresent(item, LABEL, entry.actor().label());
        putIfPresent(item, REASON, entry.actor().reason());
        item.put(AT, epochMillis(entry.at()));
        Map<String, AttributeValue> details = new HashMap<>();
        entry.details().forEach((name, value) -> details.put(name, s(value)));
        item.put(DETAILS, AttributeValue.fromM(details));
        if (entry.isActivity()) {
            item.put(EXPIRES_AT, epochSeconds(entry.at().plus(ACTIVITY_RETENTION)));
        }
        return item;
    }

    /** The only way anything writes to the audit table: a put that can never replace an existing entry. */
    static Put put(String table, AuditEntry entry) {
        return Put.builder()
                .tableName(table)
                .item(item(entry))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build();
    }

    static AuditEntry entry(Map<String, AttributeValue> item) {
        Map<String, String> details = new LinkedHashMap<>();
        item.getOrDefault(DETAILS, AttributeValue.fromM(Map.of())).m()
                .forEach((name, value) -> details.put(name, value.s()));
        Actor actor = new Actor(string(item, ACTOR_TYPE), string(item, PRINCIPAL), string(item, SESSION),
                string(item, LABEL), string(item, REASON));
        return new AuditEntry(string(item, STORE_ID), string(item, CUSTOMER_ID), string(item, ACTION), actor,
                Instant.ofEpochMilli(Attributes.number(item, AT)), details);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
