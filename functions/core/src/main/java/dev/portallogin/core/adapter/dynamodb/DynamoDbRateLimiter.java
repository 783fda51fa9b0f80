package dev.portallogin.core.adapter.dynamodb;

import static dev.portallogin.core.adapter.dynamodb.Attributes.epochSeconds;
import static dev.portallogin.core.adapter.dynamodb.Attributes.n;
import static dev.portallogin.core.adapter.dynamodb.Attributes.s;

import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.LimitKey;
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
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * {@link RateLimiter} with exact sliding windows (the rule is {@link SlidingWindow}'s): one item per key in the
 * login table holds the times of the requests still inside the longest window, and a version number. Each request
 * reads the item, decides, and writes it back only if nobody else wrote in between (optimistic locking), so parallel
 * requests in many containers are counted exactly; several keys together are read in one batch and written in one
 * transaction. Keys are stored hashed: the table never holds an email, phone number or IP address. Ceilings on
 * whole stores use fixed windows, one conditional counter each.
 */
public class DynamoDbRateLimiter implements RateLimiter {

    private static final String HITS = "hits";
    /** Requests that met a ceiling without counting toward it. */
    private static final String TALLIED = "tallied";
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
    public Decision tryAcquire(LimitKey key, List<RateLimit> limits, Instant now) {
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
    public List<Decision> tryAcquireAll(List<Count> counts, Instant now) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Map<LimitKey, Counter> counters = readAll(counts);
            List<Decision> decisions = new ArrayList<>();
            Transaction writes = new Transaction();
            for (Count count : counts) {
                Counter counter = counters.getOrDefault(count.key(), new Counter(List.of(), 0, 0));
                List<Long> recent = SlidingWindow.stillCounting(counter.hits(), count.limits(), now);
                Duration wait = SlidingWindow.waitFor(recent, count.limits(), now);
                decisions.add(wait.isZero() ? Decision.allow(now) : Decision.refuse(wait));
                List<Long> updated = new ArrayList<>(recent);
                updated.add(now.toEpochMilli());
                writes.put(stored(count.key()), put(count.key(), updated, counter.version(),
                        now.plus(RateLimit.longestWindow(count.limits()))));
            }
            if (decisions.stream().anyMatch(decision -> !decision.allowed())) {
                return decisions;
            }
            if (writes.commit(dynamoDb).committed()) {
                return decisions;
            }
        }
        return counts.stream().map(count -> Decision.refuse(Duration.ofSeconds(1))).toList();
    }

    /** Every counter of {@code counts} in one strongly consistent batch read. */
    private Map<LimitKey, Counter> readAll(List<Count> counts) {
        Map<String, LimitKey> keyOfPk = new HashMap<>();
        counts.forEach(count -> keyOfPk.put(key(count.key()).get(LoginItems.PK).s(), count.key()));
        Map<LimitKey, Counter> counters = new HashMap<>();
        for (Map<String, AttributeValue> item : Reads.batch(dynamoDb, table,
                counts.stream().map(count -> key(count.key())).toList())) {
            counters.put(keyOfPk.get(item.get(LoginItems.PK).s()), counter(item));
        }
        return counters;
    }

    @Override
    public Decision tryCount(LimitKey key, RateLimit limit, Instant now) {
        return countInWindow(key, limit, now, HITS);
    }

    @Override
    public Decision tally(LimitKey key, RateLimit limit, Instant now) {
        return countInWindow(key, limit, now, TALLIED);
    }

    /** One conditional write: adds one to {@code counter} unless the window's hits reached the limit. */
    private Decision countInWindow(LimitKey key, RateLimit limit, Instant now, String counter) {
        long windowStart = SlidingWindow.fixedWindowStart(limit, now);
        Instant windowEnd = Instant.ofEpochMilli(windowStart + limit.window().toMillis());
        try {
            dynamoDb.updateItem(request -> request
                    .tableName(table)
                    .key(Map.of(LoginItems.PK, s("rate#" + Digests.sha256(stored(key)) + "#" + windowStart)))
                    .updateExpression("ADD #counter :one SET #expiresAt = :end")
                    .conditionExpression("attribute_not_exists(#hits) OR #hits < :limit")
                    .expressionAttributeNames(Map.of("#hits", HITS, "#counter", counter,
                            "#expiresAt", LoginItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit.count()),
                            ":end", epochSeconds(windowEnd))));
            return Decision.allow(now);
        } catch (ConditionalCheckFailedException full) {
            return Decision.refuse(Duration.between(now, windowEnd));
        }
    }

    @Override
    public void release(LimitKey key, Instant recordedAt) {
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

    private Counter read(LimitKey key) {
        return Reads.get(dynamoDb, table, key(key)).map(DynamoDbRateLimiter::counter)
                .orElse(new Counter(List.of(), 0, 0));
    }

    private static Counter counter(Map<String, AttributeValue> item) {
        return new Counter(item.getOrDefault(HITS, AttributeValue.fromL(List.of())).l().stream()
                .map(hit -> Long.parseLong(hit.n())).toList(),
                Attributes.number(item, VERSION), Attributes.number(item, LoginItems.EXPIRES_AT));
    }

    private boolean write(LimitKey key, List<Long> hits, long expectedVersion, Instant keepUntil) {
        Put put = put(key, hits, expectedVersion, keepUntil);
        try {
            dynamoDb.putItem(request -> request.tableName(table).item(put.item())
                    .conditionExpression(put.conditionExpression())
                    .expressionAttributeNames(put.expressionAttributeNames())
                    .expressionAttributeValues(put.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException someoneElseWrote) {
            return false;
        }
    }

    /** The counter written back, on the condition that nobody wrote it since it was read at {@code version}. */
    private Put put(LimitKey key, List<Long> hits, long expectedVersion, Instant keepUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(HITS, AttributeValue.fromL(hits.stream().map(Attributes::n).toList()));
        item.put(VERSION, n(expectedVersion + 1));
        item.put(LoginItems.EXPIRES_AT, epochSeconds(keepUntil));
        return Put.builder().tableName(table).item(item)
                .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(#version)" : "#version = :expected")
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion)))
                .build();
    }

    /** A key as it is hashed into an item's key: its scope and parts, joined by {@code #}. */
    private static String stored(LimitKey key) {
        return key.scope() + "#" + String.join("#", key.parts());
    }

    private static Map<String, AttributeValue> key(LimitKey key) {
        return Map.of(LoginItems.PK, s("rate#" + Digests.sha256(stored(key))));
    }
}
