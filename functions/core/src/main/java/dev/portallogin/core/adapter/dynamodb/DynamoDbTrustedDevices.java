package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.instantFromMillis;
import static dev.portallogin.core.adapter.dynamodb.Attributes.instantFromSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;
import static dev.portallogin.core.adapter.dynamodb.Attributes.string;

import dev.portallogin.core.port.TrustedDevices;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link TrustedDevices} in the login table: {@code device#<cookie hash>}, removed by TTL after it expires. */
public record DynamoDbTrustedDevices(DynamoDbClient dynamoDb, String table) implements TrustedDevices {

    private static final String SINCE = "since";

    @Override
    public void remember(TrustedDevice device) {
        dynamoDb.putItem(request -> request.tableName(table).item(Map.of(
                LoginItems.PK, key(device.deviceHash()).get(LoginItems.PK),
                LoginItems.STORE_ID, s(device.storeId()),
                LoginItems.CUSTOMER_ID, s(device.customerId()),
                SINCE, epochMillis(device.since()),
                LoginItems.EXPIRES_AT, epochSeconds(device.expiresAt()))));
    }

    @Override
    public Optional<TrustedDevice> find(String deviceHash) {
        return Reads.get(dynamoDb, table, key(deviceHash)).map(item -> device(deviceHash, item));
    }

    static TrustedDevice device(String deviceHash, Map<String, AttributeValue> item) {
        return new TrustedDevice(deviceHash, string(item, LoginItems.STORE_ID), string(item, LoginItems.CUSTOMER_ID),
                instantFromMillis(item, SINCE), instantFromSeconds(item, LoginItems.EXPIRES_AT));
    }

    static Map<String, AttributeValue> key(String deviceHash) {
        return Map.of(LoginItems.PK, s(LoginItems.DEVICE_PREFIX + deviceHash));
    }
}
