package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.port.AuditLog;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link AuditLog} on the audit table ({@link AuditItems}): conditional puts and queries, nothing else. */
public record DynamoDbAuditLog(DynamoDbClient dynamoDb, String table) implements AuditLog {

    private static final Duration ASIDE_RETENTION = Duration.ofDays(1);

    @Override
    public void record(AuditEntry entry) {
        var put = AuditItems.put(table, entry);
        dynamoDb.putItem(request -> request.tableName(table).item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames()));
    }

    @Override
    public void recordAside(AuditEntry entry) {
        // The same put under a partition no customer can have, gone a day later.
        var put = AuditItems.put(table, entry);
        Map<String, AttributeValue> item = new HashMap<>(put.item());
        item.put(AuditItems.PK, AttributeValue.fromS(AuditItems.partition(entry.storeId(), RecordId.NOBODY)));
        item.put(AuditItems.EXPIRES_AT, Attributes.epochSeconds(entry.at().plus(ASIDE_RETENTION)));
        dynamoDb.putItem(request -> request.tableName(table).item(item)
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames()));
    }

    @Override
    public List<AuditEntry> list(String storeId, String customerId, int limit) {
        return dynamoDb.query(request -> request
                        .tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", AuditItems.PK))
                        .expressionAttributeValues(Map.of(":pk",
                                AttributeValue.fromS(AuditItems.partition(storeId, customerId))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items().stream().map(AuditItems::entry).toList();
    }
}
