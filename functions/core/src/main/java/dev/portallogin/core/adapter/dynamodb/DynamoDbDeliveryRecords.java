package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.port.DeliveryRecords;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DeliveryRecords} in the login table: {@code delivered#<message id>}, kept until a copy could no longer
 * come. The claim is a put on the condition that the key is new, so of two copies handled at once one claims it.
 */
public record DynamoDbDeliveryRecords(DynamoDbClient dynamoDb, String table) implements DeliveryRecords {

    @Override
    public boolean claim(String messageId, Instant keepUntil) {
        try {
            dynamoDb.putItem(request -> request.tableName(table)
                    .item(Map.of(LoginItems.PK, pk(messageId), LoginItems.EXPIRES_AT, epochSeconds(keepUntil)))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", LoginItems.PK)));
            return true;
        } catch (ConditionalCheckFailedException claimedAlready) {
            return false;
        }
    }

    @Override
    public void release(String messageId) {
        dynamoDb.deleteItem(request -> request.tableName(table).key(Map.of(LoginItems.PK, pk(messageId))));
    }

    private static AttributeValue pk(String messageId) {
        return s(LoginItems.DELIVERED_PREFIX + messageId);
    }
}
