package dev.portallogin.core.adapter.dynamodb;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one strongly consistent single-item read the adapters share. */
final class Reads {

    private Reads() {
    }

    static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamoDb, String table,
                                                     Map<String, AttributeValue> key) {
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
