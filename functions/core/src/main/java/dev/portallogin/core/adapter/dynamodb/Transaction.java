package dev.portallogin.core.adapter.dynamodb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One {@code TransactWriteItems} whose writes carry the name of the condition each one checks, so that a cancelled
 * transaction is read by which conditions failed, never by the position of a write in the list.
 */
final class Transaction {

    /** How a commit ended: committed, or cancelled with the names of the conditions that failed. */
    record Outcome(boolean committed, Set<String> failedConditions, boolean conflicted) {
        boolean failed(String condition) {
            return failedConditions.contains(condition);
        }
    }

    private final List<TransactWriteItem> writes = new ArrayList<>();
    private final List<String> conditionNames = new ArrayList<>();

    /** @param condition the name of the condition the write checks, or null for an unconditional write */
    Transaction put(String condition, Put put) {
        return add(condition, TransactWriteItem.builder().put(put).build());
    }

    Transaction update(String condition, Update update) {
        return add(condition, TransactWriteItem.builder().update(update).build());
    }

    Transaction delete(String condition, Delete delete) {
        return add(condition, TransactWriteItem.builder().delete(delete).build());
    }

    Transaction check(String condition, ConditionCheck check) {
        return add(condition, TransactWriteItem.builder().conditionCheck(check).build());
    }

    private Transaction add(String condition, TransactWriteItem write) {
        writes.add(write);
        conditionNames.add(condition);
        return this;
    }

    /**
     * Commits with a fresh idempotency token: the SDK resends the same token on retries, so a transaction that
     * committed but whose answer was lost is not applied twice. A cancellation for any reason other than failed
     * conditions or a conflicting parallel transaction (both of which the caller decides about) is thrown.
     */
    Outcome commit(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.transactWriteItems(request -> request.clientRequestToken(Attributes.idempotencyToken())
                    .transactItems(writes));
            return new Outcome(true, Set.of(), false);
        } catch (TransactionCanceledException cancelled) {
            Set<String> failed = new HashSet<>();
            boolean conflicted = false;
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            for (int i = 0; i < reasons.size() && i < conditionNames.size(); i++) {
                String code = reasons.get(i).code();
                if ("ConditionalCheckFailed".equals(code)) {
                    failed.add(conditionNames.get(i) == null ? "unnamed" : conditionNames.get(i));
                } else if ("TransactionConflict".equals(code)) {
                    conflicted = true;
                }
            }
            if (failed.isEmpty() && !conflicted) {
                throw cancelled;
            }
            return new Outcome(false, Set.copyOf(failed), conflicted);
        }
    }
}
