package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.Customers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link Customers} on the directory table ({@link DirectoryItems} describes the layout): key reads, the entries
 * that name the owner of an address or phone, and the name and by-customer indexes.
 */
public record DynamoDbCustomers(DynamoDbClient dynamoDb, String table) implements Customers {

    @Override
    public Optional<Customer> findCustomer(String storeId, String customerId) {
        return Reads.get(dynamoDb, table, DirectoryItems.customerKey(storeId, customerId))
                .map(DirectoryItems::customer);
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
    public Optional<String> findCustomerId(String storeId, Identifier identifier) {
        String entry = identifier.email().isPresent()
                ? DirectoryItems.EMAIL_PREFIX + identifier.email().get().lookupKey()
                : DirectoryItems.PHONE_PREFIX + identifier.phone().orElseThrow().e164();
        return Reads.get(dynamoDb, table, DirectoryItems.key(storeId, entry)).map(DirectoryItems::ownerOf);
    }

    @Override
    public Optional<Subscription> findSubscription(String storeId, String subscriptionId) {
        return Reads.get(dynamoDb, table,
                        DirectoryItems.key(storeId, DirectoryItems.SUBSCRIPTION_PREFIX + subscriptionId))
                .map(DirectoryItems::subscription);
    }

    @Override
    public List<Subscription> listSubscriptions(String storeId, String customerId) {
        return dynamoDb.queryPaginator(request -> request
                        .tableName(table)
                        .indexName(DirectoryItems.BY_CUSTOMER)
                        .keyConditionExpression("#ref = :ref")
                        .expressionAttributeNames(Map.of("#ref", DirectoryItems.CUSTOMER_REF))
                        .expressionAttributeValues(Map.of(":ref",
                                s(DirectoryItems.customerRef(storeId, customerId)))))
                .items().stream().map(DirectoryItems::subscription).toList();
    }

    @Override
    public List<Customer> findCustomersByName(String storeId, String namePrefix, int limit) {
        Map<String, Customer> found = new LinkedHashMap<>();
        for (String[] index : new String[][] {
                {DirectoryItems.BY_FIRST_LAST, DirectoryItems.FIRST_LAST_KEY},
                {DirectoryItems.BY_LAST_FIRST, DirectoryItems.LAST_FIRST_KEY}}) {
            QueryRequest query = QueryRequest.builder()
                    .tableName(table)
                    .indexName(index[0])
                    .keyConditionExpression("#pk = :store AND begins_with(#name, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#name", index[1]))
                    .expressionAttributeValues(Map.of(":store", s(storeId), ":prefix", s(namePrefix)))
                    .limit(limit)
                    .build();
            dynamoDb.query(query).items().stream().map(DirectoryItems::customer)
                    .forEach(customer -> found.putIfAbsent(customer.customerId(), customer));
        }
        return List.copyOf(found.values());
    }

    private Optional<Customer> findOwner(String storeId, String entryKey) {
        return Reads.get(dynamoDb, table, DirectoryItems.key(storeId, entryKey))
                .map(DirectoryItems::ownerOf)
                .flatMap(customerId -> findCustomer(storeId, customerId));
    }
}
