package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.Stores;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link Stores} on the directory table ({@link DirectoryItems} describes the layout): each store's item, the
 * list of all stores and, per support principal, the stores that list it.
 */
public record DynamoDbStores(DynamoDbClient dynamoDb, String table) implements Stores {

    @Override
    public Optional<Store> findStore(String storeId) {
        return Reads.get(dynamoDb, table, DirectoryItems.key(storeId, DirectoryItems.STORE_SK))
                .map(DirectoryItems::store);
    }

    @Override
    public List<StoreGrant> listStores() {
        return grants(DirectoryItems.STORE_LIST_PK);
    }

    @Override
    public List<StoreGrant> storesOf(String principalKey) {
        return grants(DirectoryItems.principalPartition(principalKey));
    }

    @Override
    public boolean mayActOn(String principalKey, String storeId) {
        return Reads.get(dynamoDb, table, DirectoryItems.key(DirectoryItems.principalPartition(principalKey), storeId))
                .isPresent();
    }

    private List<StoreGrant> grants(String partition) {
        return dynamoDb.queryPaginator(request -> request
                        .tableName(table)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK))
                        .expressionAttributeValues(Map.of(":pk", s(partition))))
                .items().stream()
                .map(item -> new StoreGrant(Attributes.string(item, DirectoryItems.SK),
                        Attributes.string(item, DirectoryItems.NAME)))
                .toList();
    }
}
