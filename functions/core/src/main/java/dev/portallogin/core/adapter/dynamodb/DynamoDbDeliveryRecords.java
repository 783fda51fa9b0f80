package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.port.DeliveryRecords;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DeliveryRecords} in the login table: {@code delivered#<message id>}, kept until a copy could no longer
 * come.
 */
public record DynamoDbDeliveryRecords(DynamoDbClient dynamoDb, String table) implements DeliveryRecords {

    @Override
    public boolean wasDelivered(String messageId) {
        return Reads.get(dynamoDb, table, Map.of(LoginItems.PK, pk(messageId))).isPresent();
    }

    @Override
    public void recordDelivered(String messageId, Instant keepUntil) {
        dynamoDb.putItem(request -> request.tableName(table)
                .item(Map.of(LoginItems.PK, pk(messageId), LoginItems.EXPIRES_AT, epochSeconds(keepUntil))));
    }

    private static AttributeValue pk(String messageId) {
        return s("delivered#" + messageId);
    }
}
