package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.AuditEntry;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.port.CustomerAccounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link CustomerAccounts} on the directory table: each change in one transaction with its audit entry on the
 * audit table.
 */
public record DynamoDbCustomerAccounts(DynamoDbClient dynamoDb, String table,
        String auditTable) implements CustomerAccounts {

    private static final String CUSTOMER_UNCHANGED = "customer unchanged since read";
    private static final String EMAIL_FREE = "address free or already the customer's";
    private static final String OLD_EMAIL_OURS = "previous address entry still the customer's";
    private static final String CUSTOMER_EXISTS = "customer exists";
    /** A transaction that keeps meeting parallel ones on the same items is tried this often. */
    private static final int CONFLICT_ATTEMPTS = 5;

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
    public boolean markEmailProblem(String storeId, String customerId, EmailAddress address, EmailProblem problem,
                                    AuditEntry audit) {
        Optional<Customer> customer = Reads.get(dynamoDb, table, DirectoryItems.customerKey(storeId, customerId))
                .map(DirectoryItems::customer)
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
}
