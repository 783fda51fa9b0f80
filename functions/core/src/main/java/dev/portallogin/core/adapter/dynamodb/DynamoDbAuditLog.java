package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.port.AuditLog;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link AuditLog} in the directory table ({@link AuditItems}). */
public class DynamoDbAuditLog implements AuditLog {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void record(AuditEntry entry) {
        dynamoDb.putItem(request -> request.tableName(table).item(AuditItems.item(entry)));
    }

    @Override
    public List<AuditEntry> list(String storeId, String customerId, int limit) {
        return dynamoDb.query(request -> request
                        .tableName(table)
                        .keyConditionExpression("#pk = :store AND begins_with(#sk, :prefix)")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#sk", DirectoryItems.SK))
                        .expressionAttributeValues(Map.of(":store", AttributeValue.fromS(storeId),
                                ":prefix", AttributeValue.fromS(AuditItems.customerPrefix(customerId))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items().stream().map(AuditItems::entry).toList();
    }
}
