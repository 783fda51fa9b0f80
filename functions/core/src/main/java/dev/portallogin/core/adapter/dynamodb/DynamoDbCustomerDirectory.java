package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.Identifier;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.port.CustomerDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link CustomerDirectory} on the directory table ({@link DirectoryItems} describes the layout), with the audit
 * entry of each change written to the audit table in the same transaction as the change.
 */
public record DynamoDbCustomerDirectory(DynamoDbClient dynamoDb, String table, String auditTable)
        implements CustomerDirectory {

    private static final String CUSTOMER_UNCHANGED = "customer unchanged since read";
    private static final String EMAIL_FREE = "address free or already the customer's";
    private static final String OLD_EMAIL_OURS = "previous address entry still the customer's";
    private static final String CUSTOMER_EXISTS = "customer exists";
    /** A transaction that keeps meeting parallel ones on the same items is tried this often. */
    private static final int CONFLICT_ATTEMPTS = 5;

    @Override
    public Optional<Store> findStore(String storeId) {
        return Reads.get(dynamoDb, table, DirectoryItems.key(storeId, DirectoryItems.STORE_SK))
                .map(DirectoryItems::store);
    }

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

    @Override
    public EmailChange changeEmail(Customer current, EmailAddress email, Instant now, AuditEntry audit) {
        String storeId = current.storeId();
        String customerId = current.customerId();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":email", s(email.value()),
                ":false", Attributes.bool(false), ":now", Attributes.epochMillis(now)));
        String unchangedSinceRead;
        if (current.email() == null) {
            unchangedSinceRead = "attribute_exists(#pk) AND attribute_not_exists(#email)";
        } else {
            unchangedSinceRead = "attribute_exists(#pk) AND #email = :old";
            values.put(":old", s(current.email()));
        }
        Transaction transaction = new Transaction()
                .update(CUSTOMER_UNCHANGED, Update.builder()
                        .tableName(table)
                        .key(DirectoryItems.customerKey(storeId, customerId))
                        // The old address is kept so that the notice of the change, and only it, may go there.
                        .updateExpression("SET #email = :email, #bouncing = :false, #complained = :false, "
                                + "#revokedAt = :now" + (current.email() == null ? " REMOVE #previous"
                                : ", #previous = :old"))
                        .conditionExpression(unchangedSinceRead)
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK, "#email", DirectoryItems.EMAIL,
                                "#bouncing", DirectoryItems.EMAIL_BOUNCING,
                                "#complained", DirectoryItems.EMAIL_COMPLAINED,
                                "#revokedAt", DirectoryItems.CREDENTIALS_REVOKED_AT,
                                "#previous", DirectoryItems.PREVIOUS_EMAIL))
                        .expressionAttributeValues(values)
                        .build())
                // Two agents giving one address to two customers: the second finds it claimed and is refused.
                .put(EMAIL_FREE, Put.builder()
                        .tableName(table)
                        .item(DirectoryItems.ownerEntry(storeId, DirectoryItems.EMAIL_PREFIX + email.lookupKey(),
                                customerId))
                        .conditionExpression("attribute_not_exists(#pk) OR #customer = :customer")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                                "#customer", DirectoryItems.CUSTOMER_ID))
                        .expressionAttributeValues(Map.of(":customer", s(customerId)))
                        .build());
        EmailAddress.parse(current.email())
                .filter(old -> !old.lookupKey().equals(email.lookupKey()))
                .ifPresent(old -> transaction.delete(OLD_EMAIL_OURS, Delete.builder()
                        .tableName(table)
                        .key(DirectoryItems.key(storeId, DirectoryItems.EMAIL_PREFIX + old.lookupKey()))
                        .conditionExpression("attribute_not_exists(#pk) OR #customer = :customer")
                        .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                                "#customer", DirectoryItems.CUSTOMER_ID))
                        .expressionAttributeValues(Map.of(":customer", s(customerId)))
                        .build()));
        transaction.put(null, AuditItems.put(auditTable, audit));
        Transaction.Outcome outcome = transaction.commit(dynamoDb);
        if (outcome.committed()) {
            return EmailChange.CHANGED;
        }
        if (outcome.failed(EMAIL_FREE)) {
            return EmailChange.EMAIL_IN_USE;
        }
        return EmailChange.CUSTOMER_CHANGED;
    }

    @Override
    public boolean revokeCredentials(String storeId, String customerId, Instant now, AuditEntry audit) {
        return updateWithAudit(storeId, customerId, "SET #revokedAt = :now",
                Map.of("#revokedAt", DirectoryItems.CREDENTIALS_REVOKED_AT),
                Map.of(":now", Attributes.epochMillis(now)), audit);
    }

    @Override
    public boolean unlockCodeLogin(String storeId, String customerId, AuditEntry audit) {
        return updateWithAudit(storeId, customerId, "SET #failures = :zero REMOVE #failedAt",
                Map.of("#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES,
                        "#failedAt", DirectoryItems.LAST_CODE_FAILURE_AT),
                Map.of(":zero", Attributes.n(0)), audit);
    }

    /** One update of an existing customer and its audit entry; false when the customer does not exist. */
    private boolean updateWithAudit(String storeId, String customerId, String expression, Map<String, String> names,
                                    Map<String, AttributeValue> values, AuditEntry audit) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", DirectoryItems.PK);
        for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
            Transaction.Outcome outcome = new Transaction()
                    .update(CUSTOMER_EXISTS, Update.builder()
                            .tableName(table)
                            .key(DirectoryItems.customerKey(storeId, customerId))
                            .updateExpression(expression)
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(allNames)
                            .expressionAttributeValues(values)
                            .build())
                    .put(null, AuditItems.put(auditTable, audit))
                    .commit(dynamoDb);
            if (outcome.committed() || outcome.failed(CUSTOMER_EXISTS)) {
                return outcome.committed();
            }
        }
        throw new IllegalStateException("parallel transactions on the customer kept conflicting with this one");
    }

    @Override
    public Guess countCodeGuess(String storeId, String customerId, int limit, Duration lockDuration, Instant now) {
        try {
            // Checked and counted in one write: parallel guesses at limit - 1 leave exactly one counted.
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(DirectoryItems.customerKey(storeId, customerId))
                    .updateExpression("SET #failures = if_not_exists(#failures, :zero) + :one, #failedAt = :now")
                    .conditionExpression("attribute_exists(#pk) AND "
                            + "(attribute_not_exists(#failures) OR #failures < :limit)")
                    .expressionAttributeNames(Map.of("#pk", DirectoryItems.PK,
                            "#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES,
                            "#failedAt", DirectoryItems.LAST_CODE_FAILURE_AT))
                    .expressionAttributeValues(Map.of(":zero", Attributes.n(0), ":one", Attributes.n(1),
                            ":limit", Attributes.n(limit), ":now", Attributes.epochMillis(now)))
                    // The refusal carries the record, so no second read tells a missing customer from a locked one.
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Guess.COUNTED;
        } catch (ConditionalCheckFailedException lockedOrMissing) {
            Optional<Customer> customer = lockedOrMissing.hasItem() && !lockedOrMissing.item().isEmpty()
                    ? Optional.of(DirectoryItems.customer(lockedOrMissing.item())) : Optional.empty();
            if (customer.isEmpty()) {
                return Guess.NO_CUSTOMER;
            }
            if (customer.get().codeLoginLocked(limit, lockDuration, now)) {
                return Guess.LOCKED;
            }
            return restartCount(customer.get(), now) ? Guess.COUNTED : Guess.LOCKED;
        }
    }

    /**
     * A lock that has run out starts a new count with this guess. Conditional on the count and time just read, so
     * of parallel guesses after the lock ran out exactly one restarts the count; the others count on top of it.
     */
    private boolean restartCount(Customer expired, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Attributes.n(1),
                ":now", Attributes.epochMillis(now),
                ":seen", Attributes.n(expired.consecutiveCodeFailures())));
        String sameLock = "#failures = :seen AND attribute_not_exists(#failedAt)";
        if (expired.lastCodeFailureAt() != null) {
            sameLock = "#failures = :seen AND #failedAt = :seenAt";
            values.put(":seenAt", Attributes.epochMillis(expired.lastCodeFailureAt()));
        }
        String condition = sameLock;
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(DirectoryItems.customerKey(expired.storeId(), expired.customerId()))
                    .updateExpression("SET #failures = :one, #failedAt = :now")
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES,
                            "#failedAt", DirectoryItems.LAST_CODE_FAILURE_AT))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException someoneElseRestarted) {
            return false;
        }
    }

    @Override
    public boolean markEmailProblem(String storeId, String customerId, EmailAddress address, EmailProblem problem,
                                    AuditEntry audit) {
        Optional<Customer> customer = findCustomer(storeId, customerId)
                .filter(found -> EmailAddress.parse(found.email())
                        .filter(onFile -> onFile.lookupKey().equals(address.lookupKey())).isPresent());
        if (customer.isEmpty()) {
            return false;
        }
        String mark = problem == EmailProblem.BOUNCING
                ? DirectoryItems.EMAIL_BOUNCING : DirectoryItems.EMAIL_COMPLAINED;
        Transaction.Outcome outcome = new Transaction()
                // Only while the address the report is about is still on file: a later change stays clean.
                .update(CUSTOMER_UNCHANGED, Update.builder()
                        .tableName(table)
                        .key(DirectoryItems.customerKey(storeId, customerId))
                        .updateExpression("SET #mark = :true")
                        .conditionExpression("#email = :email")
                        .expressionAttributeNames(Map.of("#mark", mark, "#email", DirectoryItems.EMAIL))
                        .expressionAttributeValues(Map.of(":true", Attributes.bool(true),
                                ":email", s(customer.get().email())))
                        .build())
                .put(null, AuditItems.put(auditTable, audit))
                .commit(dynamoDb);
        return outcome.committed();
    }

    private Optional<Customer> findOwner(String storeId, String entryKey) {
        return Reads.get(dynamoDb, table, DirectoryItems.key(storeId, entryKey))
                .map(DirectoryItems::ownerOf)
                .flatMap(customerId -> findCustomer(storeId, customerId));
    }
}
