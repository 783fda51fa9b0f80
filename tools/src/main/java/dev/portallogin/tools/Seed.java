package dev.portallogin.tools;

import static dev.portallogin.core.adapter.dynamodb.DirectoryItems.EMAIL_PREFIX;
import static dev.portallogin.core.adapter.dynamodb.DirectoryItems.PHONE_PREFIX;

import dev.portallogin.core.adapter.dynamodb.DirectoryItems;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores, customers and subscriptions to load into the directory table, in the seed file format:
 * {@code {"stores":[...], "customers":[...], "subscriptions":[...]}} (see the README). Loading is idempotent:
 * loading the same file twice leaves the same data.
 */
public record Seed(List<Store> stores, List<Customer> customers, List<Subscription> subscriptions) {

    public static Seed read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    public static Seed parse(String json) throws IOException {
        Map<String, Object> document = (Map<String, Object>) Json.parse(json);
        List<Store> stores = new ArrayList<>();
        for (Map<String, Object> store : list(document, "stores")) {
            Set<String> principals = new LinkedHashSet<>();
            for (String arn : (List<String>) store.getOrDefault("agentPrincipals", List.of())) {
                principals.add(PrincipalArn.parse(arn).filter(principal -> principal.sessionName() == null)
                        .orElseThrow(() -> new IllegalArgumentException("store " + store.get("storeId") + " lists '"
                                + arn + "', which is not the ARN of an IAM role or user")).key());
            }
            stores.add(new Store(id(store, "storeId"), text(store, "name"), text(store, "portalUrl"),
                    text(store, "emailFrom"), Optional.ofNullable(text(store, "defaultCountry")).orElse("US"),
                    new LinkedHashSet<>((List<String>) store.getOrDefault("smsCountries", List.of())), principals));
        }
        List<Customer> customers = new ArrayList<>();
        for (Map<String, Object> customer : list(document, "customers")) {
            String storeId = id(customer, "storeId");
            String region = stores.stream().filter(store -> store.storeId().equals(storeId)).findFirst()
                    .map(Store::defaultCountry).orElse("US");
            String phone = text(customer, "phone");
            String e164 = phone == null ? null : PhoneNumber.parse(phone, region).map(PhoneNumber::e164)
                    .orElseThrow(() -> new IllegalArgumentException("customer " + customer.get("customerId")
                            + " has a phone number that is not valid"));
            customers.add(new Customer(storeId, id(customer, "customerId"), text(customer, "email"), e164,
                    text(customer, "firstName"), text(customer, "lastName"),
                    Boolean.TRUE.equals(customer.get("emailBouncing")), null));
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (Map<String, Object> subscription : list(document, "subscriptions")) {
            subscriptions.add(new Subscription(id(subscription, "storeId"), id(subscription, "subscriptionId"),
                    id(subscription, "customerId"), Optional.ofNullable(text(subscription, "status")).orElse("active")));
        }
        return new Seed(stores, customers, subscriptions);
    }

    /** Domains of the stores' sender addresses, which SES must be allowed to send from. */
    public List<String> senderDomains() {
        return stores.stream().map(store -> store.emailFrom().substring(store.emailFrom().indexOf('@') + 1))
                .distinct().toList();
    }

    /**
     * Writes everything. A customer and the entries that make their email and phone unique in the store are written
     * in one transaction, refused when another customer already owns the address or number.
     */
    public void load(DynamoDbClient dynamoDb, String directoryTable) {
        for (Store store : stores) {
            revokeDroppedPrincipals(dynamoDb, directoryTable, store);
            dynamoDb.putItem(request -> request.tableName(directoryTable).item(DirectoryItems.storeItem(store)));
            dynamoDb.putItem(request -> request.tableName(directoryTable).item(DirectoryItems.storeListEntry(store)));
            for (String principal : store.agentPrincipals()) {
                dynamoDb.putItem(request -> request.tableName(directoryTable)
                        .item(DirectoryItems.grantEntry(principal, store)));
            }
        }
        for (Customer customer : customers) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(put(directoryTable, DirectoryItems.customerItem(customer), null));
            EmailAddress.parse(customer.email()).ifPresent(email -> writes.add(ownerEntry(directoryTable, customer,
                    EMAIL_PREFIX + email.lookupKey())));
            if (customer.phoneE164() != null) {
                writes.add(ownerEntry(directoryTable, customer, PHONE_PREFIX + customer.phoneE164()));
            }
            try {
                dynamoDb.transactWriteItems(request -> request.transactItems(writes));
            } catch (TransactionCanceledException duplicate) {
                throw new IllegalArgumentException("customer " + customer.customerId() + " of store "
                        + customer.storeId() + " shares an email or phone with another customer of that store");
            }
        }
        for (Subscription subscription : subscriptions) {
            dynamoDb.putItem(request -> request.tableName(directoryTable)
                    .item(DirectoryItems.subscriptionItem(subscription)));
        }
    }

    /** A principal the store no longer lists loses its grant: loading a file is how access is taken away too. */
    private static void revokeDroppedPrincipals(DynamoDbClient dynamoDb, String directoryTable, Store store) {
        var previous = dynamoDb.getItem(request -> request.tableName(directoryTable).consistentRead(true)
                .key(DirectoryItems.key(store.storeId(), DirectoryItems.STORE_SK)));
        if (!previous.hasItem() || previous.item().isEmpty()) {
            return;
        }
        previous.item().getOrDefault("agentPrincipals", AttributeValue.fromL(List.of())).l().stream()
                .map(AttributeValue::s)
                .filter(principal -> !store.agentPrincipals().contains(principal))
                .forEach(principal -> dynamoDb.deleteItem(request -> request.tableName(directoryTable)
                        .key(DirectoryItems.key(DirectoryItems.principalPartition(principal), store.storeId()))));
    }

    private static TransactWriteItem ownerEntry(String table, Customer customer, String sortKey) {
        return put(table, DirectoryItems.ownerEntry(customer.storeId(), sortKey, customer.customerId()),
                "attribute_not_exists(pk) OR customerId = :customer");
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition).expressionAttributeValues(
                    new HashMap<>(Map.of(":customer", item.get("customerId"))));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> document, String name) {
        return (List<Map<String, Object>>) document.getOrDefault(name, List.of());
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    private static String id(Map<String, Object> fields, String name) {
        String id = text(fields, name);
        if (!RecordId.isWellFormed(id)) {
            throw new IllegalArgumentException(name + " '" + id + "' is missing or not a valid id");
        }
        return id;
    }
}
