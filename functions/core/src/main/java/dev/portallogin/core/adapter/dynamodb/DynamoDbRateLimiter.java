package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.n;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.RateLimit;
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
 * {@link RateLimiter} with exact sliding windows: one item per key in the login table holds the times of the
 * requests still inside the longest window, and a version number. Each request reads the item, decides, and writes
 * it back only if nobody else wrote in between (optimistic locking), so parallel requests in many containers are
 * counted exactly. Keys are stored hashed: the table never holds an email, phone number or IP address.
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
            List<Long> recent = counter.hitsSince(now.minus(longest));
            Duration wait = waitFor(recent, limits, now);
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
        long windowMillis = limit.window().toMillis();
        long windowStart = now.toEpochMilli() / windowMillis * windowMillis;
        Instant windowEnd = Instant.ofEpochMilli(windowStart + windowMillis);
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

    /** Zero when a request fits every limit; otherwise the time until the oldest blocking request leaves. */
    static Duration waitFor(List<Long> hitsMillis, List<RateLimit> limits, Instant now) {
        Duration wait = Duration.ZERO;
        List<Long> newestFirst = new ArrayList<>(hitsMillis);
        newestFirst.sort((a, b) -> Long.compare(b, a));
        for (RateLimit limit : limits) {
            long windowStart = now.minus(limit.window()).toEpochMilli();
            List<Long> inWindow = newestFirst.stream().filter(hit -> hit > windowStart).toList();
            if (inWindow.size() >= limit.count()) {
                long blocking = inWindow.get(limit.count() - 1);
                Duration untilFree = Duration.ofMillis(blocking + limit.window().toMillis() - now.toEpochMilli());
                if (untilFree.compareTo(wait) > 0) {
                    wait = untilFree;
                }
            }
        }
        return wait;
    }

    private record Counter(List<Long> hits, long version, long expiresAtSeconds) {
        List<Long> hitsSince(Instant start) {
            long startMillis = start.toEpochMilli();
            return hits.stream().filter(hit -> hit > startMillis).toList();
        }
    }

    private Counter read(String key) {
        var response = dynamoDb.getItem(request -> request.tableName(table).key(key(key)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return new Counter(List.of(), 0, 0);
        }
        Map<String, AttributeValue> item = response.item();
        List<Long> hits = item.getOrDefault(HITS, AttributeValue.fromL(List.of())).l().stream()
                .map(hit -> Long.parseLong(hit.n()))
                .toList();
        return new Counter(hits, Attributes.number(item, VERSION), Attributes.number(item, LoginItems.EXPIRES_AT));
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
