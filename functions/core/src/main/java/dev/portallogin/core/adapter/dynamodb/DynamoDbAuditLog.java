package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.port.AuditLog;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link AuditLog} on the audit table ({@link AuditItems}): conditional puts and queries, nothing else. */
public record DynamoDbAuditLog(DynamoDbClient dynamoDb, String table) implements AuditLog {

    @Override
    public void record(AuditEntry entry) {
        var put = AuditItems.put(table, entry);
        dynamoDb.putItem(request -> request.tableName(table).item(put.item())
                .conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames()));
    }

    @Override
    public void recordNothing(String storeId) {
        // A put under a partition no customer can have (ids hold no "~"), on a condition that cannot hold there.
        try {
            dynamoDb.putItem(request -> request.tableName(table)
                    .item(Map.of(AuditItems.PK, AttributeValue.fromS(AuditItems.partition(storeId, "~")),
                            AuditItems.SK, AttributeValue.fromS("~")))
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", AuditItems.PK)));
        } catch (ConditionalCheckFailedException expected) {
            // Nothing was written, as intended.
        }
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
