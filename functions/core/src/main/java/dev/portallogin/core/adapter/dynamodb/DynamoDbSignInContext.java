package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.port.SignInContext;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link SignInContext} as one {@code BatchGetItem}: the store's item in the directory table, the device's in the
 * login table.
 */
public record DynamoDbSignInContext(DynamoDbClient dynamoDb, String directoryTable, String loginTable)
        implements SignInContext {

    @Override
    public Context read(String storeId, String deviceHash) {
        Map<String, List<Map<String, AttributeValue>>> found = Reads.batch(dynamoDb, Map.of(
                directoryTable, List.of(DirectoryItems.key(storeId, DirectoryItems.STORE_SK)),
                loginTable, List.of(DynamoDbTrustedDevices.key(deviceHash))));
        return new Context(
                found.getOrDefault(directoryTable, List.of()).stream().findFirst().map(DirectoryItems::store),
                found.getOrDefault(loginTable, List.of()).stream().findFirst()
                        .map(item -> DynamoDbTrustedDevices.device(deviceHash, item)));
    }
}
