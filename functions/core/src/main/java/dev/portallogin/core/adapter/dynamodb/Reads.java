package dev.portallogin.core.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The strongly consistent reads the adapters share: one item, or several in one batch. */
final class Reads {

    private Reads() {
    }

    /**
     * The items among {@code keysByTable} that exist, by table, read in one {@code BatchGetItem} (and again for any
     * keys DynamoDB left unread under load).
     */
    static Map<String, List<Map<String, AttributeValue>>> batch(
            DynamoDbClient dynamoDb, Map<String, List<Map<String, AttributeValue>>> keysByTable) {
        Map<String, KeysAndAttributes> wanted = new HashMap<>();
        keysByTable.forEach((table, keys) -> wanted.put(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()));
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        Map<String, KeysAndAttributes> request = wanted;
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> unread = request;
            var response = dynamoDb.batchGetItem(batch -> batch.requestItems(unread));
            response.responses().forEach((table, items) ->
                    found.computeIfAbsent(table, any -> new ArrayList<>()).addAll(items));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return found;
    }

    /** The items of one table that exist among {@code keys}, in one batch read. */
    static List<Map<String, AttributeValue>> batch(DynamoDbClient dynamoDb, String table,
                                                   List<Map<String, AttributeValue>> keys) {
        return batch(dynamoDb, Map.of(table, keys)).getOrDefault(table, List.of());
    }

    static Optional<Map<String, AttributeValue>> get(DynamoDbClient dynamoDb, String table,
                                                     Map<String, AttributeValue> key) {
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
