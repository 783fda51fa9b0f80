package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link CustomerDirectory} on the directory table ({@link DirectoryItems} describes the layout). */
public class DynamoDbCustomerDirectory implements CustomerDirectory {

    protected final DynamoDbClient dynamoDb;
    protected final String table;

    public DynamoDbCustomerDirectory(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<Store> findStore(String storeId) {
        return get(DirectoryItems.key(storeId, DirectoryItems.STORE_SK)).map(DirectoryItems::store);
    }

    @Override
    public Optional<Customer> findCustomer(String storeId, String customerId) {
        return get(DirectoryItems.customerKey(storeId, customerId)).map(DirectoryItems::customer);
    }

    @Override
    public Optional<Customer> findCustomerByEmail(String storeId, EmailAddress email) {
        return findOwner(storeId, DirectoryItems.EMAIL_PREFIX + email.lookupKey());
    }

    @Override
    public Optional<Customer> findCustomerByPhone(String storeId, String phoneE164) {
        return findOwner(storeId, DirectoryItems.PHONE_PREFIX + phoneE164);
    }

    @Override
    public Optional<Subscription> findSubscription(String storeId, String subscriptionId) {
        return get(DirectoryItems.key(storeId, DirectoryItems.SUBSCRIPTION_PREFIX + subscriptionId))
                .map(DirectoryItems::subscription);
    }

    private Optional<Customer> findOwner(String storeId, String entryKey) {
        return get(DirectoryItems.key(storeId, entryKey))
                .map(DirectoryItems::ownerOf)
                .flatMap(customerId -> findCustomer(storeId, customerId));
    }

    protected Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
