package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.n;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.RateLimit;
import dev.portallogin.core.domain.SlidingWindow;
import dev.portallogin.core.port.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link RateLimiter} with exact sliding windows (the rule is {@link SlidingWindow}'s): one item per key in the
 * login table holds the times of the requests still inside the longest window, and a version number. Each request
 * reads the item, decides, and writes it back only if nobody else wrote in between (optimistic locking), so parallel
 * requests in many containers are counted exactly. Keys are stored hashed: the table never holds an email, phone
 * number or IP address. Ceilings on whole stores use fixed windows, one conditional counter each.
 */
public class DynamoDbRateLimiter implements RateLimiter {

    private static final String HITS = "hits";
    private static final String VERSION = "version";
    /** Parallel writers on one key beyond this many retries are simply refused for a second. */
    private static final int MAX_WRITE_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Decision tryAcquire(String key, List<RateLimit> limits, Instant now) {
        Duration longest = RateLimit.longestWindow(limits);
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Counter counter = read(key);
            List<Long> recent = SlidingWindow.stillCounting(counter.hits(), limits, now);
            Duration wait = SlidingWindow.waitFor(recent, limits, now);
            if (!wait.isZero()) {
                return Decision.refuse(wait);
            }
            List<Long> updated = new ArrayList<>(recent);
            updated.add(now.toEpochMilli());
            if (write(key, updated, counter.version(), now.plus(longest))) {
                return Decision.allow(now);
            }
        }
        return Decision.refuse(Duration.ofSeconds(1));
    }

    @Override
    public Decision tryCount(String key, RateLimit limit, Instant now) {
        long windowStart = SlidingWindow.fixedWindowStart(limit, now);
        Instant windowEnd = Instant.ofEpochMilli(windowStart + limit.window().toMillis());
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(Map.of(LoginItems.PK, s("rate#" + Digests.sha256(key) + "#" + windowStart)))
                    .updateExpression("ADD #hits :one SET #expiresAt = :end")
                    .conditionExpression("attribute_not_exists(#hits) OR #hits < :limit")
                    .expressionAttributeNames(Map.of("#hits", HITS, "#expiresAt", LoginItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit.count()),
                            ":end", epochSeconds(windowEnd))));
            return Decision.allow(now);
        } catch (ConditionalCheckFailedException full) {
            return Decision.refuse(Duration.between(now, windowEnd));
        }
    }

    @Override
    public void release(String key, Instant recordedAt) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Counter counter = read(key);
            List<Long> remaining = new ArrayList<>(counter.hits());
            if (!remaining.remove(Long.valueOf(recordedAt.toEpochMilli()))) {
                return;
            }
            Instant keepUntil = Instant.ofEpochSecond(counter.expiresAtSeconds());
            if (write(key, remaining, counter.version(), keepUntil)) {
                return;
            }
        }
    }

    private record Counter(List<Long> hits, long version, long expiresAtSeconds) {
    }

    private Counter read(String key) {
        return Reads.get(dynamoDb, table, key(key)).map(item -> new Counter(
                        item.getOrDefault(HITS, AttributeValue.fromL(List.of())).l().stream()
                                .map(hit -> Long.parseLong(hit.n())).toList(),
                        Attributes.number(item, VERSION), Attributes.number(item, LoginItems.EXPIRES_AT)))
                .orElse(new Counter(List.of(), 0, 0));
    }

    private boolean write(String key, List<Long> hits, long expectedVersion, Instant keepUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(HITS, AttributeValue.fromL(hits.stream().map(Attributes::n).toList()));
        item.put(VERSION, n(expectedVersion + 1));
        item.put(LoginItems.EXPIRES_AT, epochSeconds(keepUntil));
        try {
            dynamoDb.putItem(request -> request.tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0
                            ? "attribute_not_exists(#version)"
                            : "#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException someoneElseWrote) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(LoginItems.PK, s("rate#" + Digests.sha256(key)));
    }
}
