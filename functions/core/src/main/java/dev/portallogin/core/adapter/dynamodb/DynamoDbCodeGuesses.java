package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.port.CodeGuessCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link CodeGuessCounter} on the customer's item of the directory table: a customer's wrong codes in a row,
 * counted and checked in one conditional write.
 */
public record DynamoDbCodeGuesses(DynamoDbClient dynamoDb, String table) implements CodeGuessCounter {

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

    @Override
    public Guess countAside(String storeId, Instant now) {
        // The same write on an item no customer can have (it has no email, phone or name for any search to find), without a condition: it succeeds, as counting a customer's guess does.
        dynamoDb.updateItem(request -> request
                .tableName(table)
                .key(DirectoryItems.customerKey(storeId, RecordId.NOBODY))
                .updateExpression("SET #failures = if_not_exists(#failures, :zero) + :one, #failedAt = :now")
                .expressionAttributeNames(Map.of("#failures", DirectoryItems.CONSECUTIVE_CODE_FAILURES,
                        "#failedAt", DirectoryItems.LAST_CODE_FAILURE_AT))
                .expressionAttributeValues(Map.of(":zero", Attributes.n(0), ":one", Attributes.n(1),
                        ":now", Attributes.epochMillis(now))));
        return Guess.NO_CUSTOMER;
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
}
