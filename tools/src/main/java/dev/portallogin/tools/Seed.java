package dev.portallogin.tools;

import static dev.portallogin.core.adapter.dynamodb.DirectoryItems.EMAIL_PREFIX;
import static dev.portallogin.core.adapter.dynamodb.DirectoryItems.PHONE_PREFIX;

import dev.portallogin.core.adapter.dynamodb.DirectoryItems;
import dev.portallogin.core.domain.Brand;
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
import software.amazon.awssdk.services.dynamodb.model.Delete;
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
                    new LinkedHashSet<>((List<String>) store.getOrDefault("smsCountries", List.of())), principals,
                    brand(store)));
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
                    id(subscription, "customerId"), Optional.ofNullable(text(subscription, "status")).orElse("active"),
                    text(subscription, "plan")));
        }
        return new Seed(stores, customers, subscriptions);
    }

    /** The store's optional {@code "brand"} object; a store without one looks as the service does. */
    @SuppressWarnings("unchecked")
    private static Brand brand(Map<String, Object> store) {
        if (!(store.get("brand") instanceof Map<?, ?> found)) {
            return Brand.NONE;
        }
        Map<String, Object> brand = (Map<String, Object>) found;
        try {
            return Brand.of(text(brand, "displayName"), text(brand, "logoUrl"), text(brand, "accentColour"),
                    text(brand, "senderName"), text(brand, "supportContact"), text(brand, "timeZone"),
                    (List<String>) brand.get("languages"));
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("store " + store.get("storeId") + " has a brand that is not valid: "
                    + invalid.getMessage(), invalid);
        }
    }

    /**
     * The same data with every store whose portal is on this machine ({@code localhost} or {@code 127.0.0.1}, any
     * port) served at {@code origin} instead: the local run's own, so the portal's origin check lets its pages in.
     */
    public Seed servedAt(String origin) {
        List<Store> moved = stores.stream().map(store -> {
            String host = java.net.URI.create(store.portalUrl()).getHost();
            return "localhost".equals(host) || "127.0.0.1".equals(host) ? store.withPortalUrl(origin) : store;
        }).toList();
        return new Seed(moved, customers, subscriptions);
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
            writeStore(dynamoDb, directoryTable, store);
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

    /**
     * The store, its entry in the list of stores, and one grant per principal it lists, in one transaction that also
     * deletes the grants of principals it no longer lists: loading a file is how access is taken away too, and a
     * dropped principal loses it at the same moment the store stops naming it.
     */
    private static void writeStore(DynamoDbClient dynamoDb, String directoryTable, Store store) {
        Set<String> before = listedPrincipals(dynamoDb, directoryTable, store.storeId());
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(directoryTable)
                .item(DirectoryItems.storeItem(store)).build()).build());
        writes.add(put(directoryTable, DirectoryItems.storeListEntry(store), null));
        store.agentPrincipals().forEach(principal -> writes.add(put(directoryTable,
                DirectoryItems.grantEntry(principal, store), null)));
        before.stream().filter(principal -> !store.agentPrincipals().contains(principal))
                .forEach(principal -> writes.add(deleteGrant(directoryTable, principal, store.storeId())));
        dynamoDb.transactWriteItems(request -> request.transactItems(writes));
    }

    /**
     * Deletes a store and every grant to it in one transaction, so no principal keeps access to a store that is gone
     * (its customers and subscriptions stay, unreachable: no lookup finds a store that does not exist).
     *
     * @return false when there was no such store
     */
    public static boolean removeStore(DynamoDbClient dynamoDb, String directoryTable, String storeId) {
        var item = dynamoDb.getItem(request -> request.tableName(directoryTable).consistentRead(true)
                .key(DirectoryItems.key(storeId, DirectoryItems.STORE_SK)));
        if (!item.hasItem() || item.item().isEmpty()) {
            return false;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(delete(directoryTable, DirectoryItems.key(storeId, DirectoryItems.STORE_SK)));
        writes.add(delete(directoryTable, DirectoryItems.key(DirectoryItems.STORE_LIST_PK, storeId)));
        listedPrincipals(dynamoDb, directoryTable, storeId)
                .forEach(principal -> writes.add(deleteGrant(directoryTable, principal, storeId)));
        dynamoDb.transactWriteItems(request -> request.transactItems(writes));
        return true;
    }

    private static Set<String> listedPrincipals(DynamoDbClient dynamoDb, String directoryTable, String storeId) {
        var previous = dynamoDb.getItem(request -> request.tableName(directoryTable).consistentRead(true)
                .key(DirectoryItems.key(storeId, DirectoryItems.STORE_SK)));
        if (!previous.hasItem() || previous.item().isEmpty()) {
            return Set.of();
        }
        return DirectoryItems.store(previous.item()).agentPrincipals();
    }

    private static TransactWriteItem deleteGrant(String table, String principal, String storeId) {
        return delete(table, DirectoryItems.key(DirectoryItems.principalPartition(principal), storeId));
    }

    private static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
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
