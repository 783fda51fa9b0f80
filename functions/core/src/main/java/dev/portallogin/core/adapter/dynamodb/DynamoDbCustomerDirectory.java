package dev.portallogin.core.adapter.dynamodb;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

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

    @Override
    public EmailChange changeEmail(Customer current, EmailAddress email, Instant now, AuditEntry audit) {
        String storeId = current.storeId();
        String customerId = current.customerId();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":email", Attributes.s(email.value()),
                ":false", Attributes.bool(false), ":now", Attributes.epochMillis(now)));
        String unchangedSinceRead;
        if (current.email() == null) {
            unchangedSinceRead = "attribute_exists(#pk) AND attribute_not_exists(#email)";
        } else {
            unchangedSinceRead = "attribute_exists(#pk) AND #email = :old";
            values.put(":old", Attributes.s(current.email()));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(DirectoryItems.customerKey(storeId, customerId))
                .updateExpression("SET #email = :email, #bouncing = :false, #revokedAt = :now")
                .conditionExpression(unchangedSinceRead)
                .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#email", DirectoryItems.EMAIL,
                        "#bouncing", DirectoryItems.EMAIL_BOUNCING,
                        "#revokedAt", DirectoryItems.CREDENTIALS_REVOKED_AT))
                .expressionAttributeValues(values)
                .build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(DirectoryItems.ownerEntry(storeId, DirectoryItems.EMAIL_PREFIX + email.lookupKey(), customerId))
                .conditionExpression("attribute_not_exists(#pk) OR #customer = :customer")
                .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#customer", DirectoryItems.CUSTOMER_ID))
                .expressionAttributeValues(Map.of(":customer", Attributes.s(customerId)))
                .build()).build());
        EmailAddress.parse(current.email())
                .filter(old -> !old.lookupKey().equals(email.lookupKey()))
                .ifPresent(old -> writes.add(TransactWriteItem.builder().delete(Delete.builder()
                        .tableName(table)
                        .key(DirectoryItems.key(storeId, DirectoryItems.EMAIL_PREFIX + old.lookupKey()))
                        .conditionExpression("attribute_not_exists(#pk) OR #customer = :customer")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                                "#customer", DirectoryItems.CUSTOMER_ID))
                        .expressionAttributeValues(Map.of(":customer", Attributes.s(customerId)))
                        .build()).build()));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(AuditItems.item(audit))
                .build()).build());
        try {
            dynamoDb.transactWriteItems(request -> request.clientRequestToken(Attributes.idempotencyToken()).transactItems(writes));
            return EmailChange.CHANGED;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
                return EmailChange.EMAIL_IN_USE;
            }
            boolean retryable = reasons.stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code())
                    || "TransactionConflict".equals(reason.code()));
            if (retryable) {
                return EmailChange.CUSTOMER_CHANGED;
            }
            throw cancelled;
        }
    }

    @Override
    public boolean revokeCredentials(String storeId, String customerId, Instant now, AuditEntry audit) {
        try {
            dynamoDb.transactWriteItems(request -> request.clientRequestToken(Attributes.idempotencyToken()).transactItems(
                    TransactWriteItem.builder().update(Update.builder()
                            .tableName(table)
                            .key(DirectoryItems.customerKey(storeId, customerId))
                            .updateExpression("SET #revokedAt = :now")
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                                    "#revokedAt", DirectoryItems.CREDENTIALS_REVOKED_AT))
                            .expressionAttributeValues(Map.of(":now", Attributes.epochMillis(now)))
                            .build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(AuditItems.item(audit))
                            .build()).build()));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if ("ConditionalCheckFailed".equals(cancelled.cancellationReasons().get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }

    @Override
    public void recordCodeFailure(String storeId, String customerId) {
        dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(DirectoryItems.customerKey(storeId, customerId))
                .updateExpression("ADD #failures :one")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                        "#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES))
                .expressionAttributeValues(Map.of(":one", Attributes.n(1))));
    }

    @Override
    public List<Store> listStores() {
        List<Store> stores = new ArrayList<>();
        for (Map<String, AttributeValue> entry : partition(DirectoryItems.STORE_LIST_PK, "")) {
            findStore(Attributes.string(entry, DirectoryItems.SK)).ifPresent(stores::add);
        }
        return stores;
    }

    @Override
    public List<Subscription> listSubscriptions(String storeId, String customerId) {
        return partition(storeId, DirectoryItems.SUBSCRIPTION_PREFIX).stream()
                .map(DirectoryItems::subscription)
                .filter(subscription -> customerId.equals(subscription.customerId()))
                .toList();
    }

    /** Reads the store's customers page by page; fine for the stores a support desk searches by hand. */
    @Override
    public List<Customer> searchCustomers(String storeId, String query, int limit) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        String digits = needle.replaceAll("[^0-9]", "");
        return partition(storeId, DirectoryItems.CUSTOMER_PREFIX).stream()
                .map(DirectoryItems::customer)
                .filter(customer -> contains(customer.email(), needle)
                        || contains(customer.firstName() + " " + customer.lastName(), needle)
                        || (digits.length() >= 3 && customer.phoneE164() != null
                                && customer.phoneE164().contains(digits)))
                .limit(limit)
                .toList();
    }

    private static boolean contains(String text, String needle) {
        return text != null && !needle.isEmpty() && text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /** The items of one partition, all of them or those whose sort key starts with {@code sortKeyPrefix}. */
    private List<Map<String, AttributeValue>> partition(String partitionKey, String sortKeyPrefix) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attributes.s(partitionKey)));
        Map<String, String> names = new HashMap<>(Map.of("#pk", DirectoryItems.PK));
        String condition = "#pk = :pk";
        if (!sortKeyPrefix.isEmpty()) {
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", DirectoryItems.SK);
            values.put(":prefix", Attributes.s(sortKeyPrefix));
        }
        String keyCondition = condition;
        return dynamoDb.queryPaginator(request -> request
                        .tableName(table)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values))
                .items().stream().toList();
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
