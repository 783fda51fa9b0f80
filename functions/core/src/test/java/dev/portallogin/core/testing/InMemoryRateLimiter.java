package dev.portallogin.core.testing;

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

/** {@link RateLimiter} in memory, on the same {@link SlidingWindow} rule as the DynamoDB counters. */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<LimitKey, List<Long>> hits = new HashMap<>();
    private final Map<String, Integer> fixedWindows = new HashMap<>();

    @Override
    public synchronized Decision tryAcquire(LimitKey key, List<RateLimit> limits, Instant now) {
        List<Long> recent = new ArrayList<>(SlidingWindow.stillCounting(hits.getOrDefault(key, List.of()), limits,
                now));
        Duration wait = SlidingWindow.waitFor(recent, limits, now);
        if (!wait.isZero()) {
            return Decision.refuse(wait);
        }
        recent.add(now.toEpochMilli());
        hits.put(key, recent);
        return Decision.allow(now);
    }

    @Override
    public synchronized List<Decision> tryAcquireAll(List<Count> counts, Instant now) {
        List<Decision> decisions = new ArrayList<>();
        for (Count count : counts) {
            Duration wait = SlidingWindow.waitFor(SlidingWindow.stillCounting(hits.getOrDefault(count.key(), List.of()),
                    count.limits(), now), count.limits(), now);
            decisions.add(wait.isZero() ? Decision.allow(now) : Decision.refuse(wait));
        }
        if (decisions.stream().allMatch(Decision::allowed)) {
            counts.forEach(count -> tryAcquire(count.key(), count.limits(), now));
        }
        return decisions;
    }

    @Override
    public synchronized Decision tryCount(LimitKey key, RateLimit limit, Instant now) {
        long start = SlidingWindow.fixedWindowStart(limit, now);
        String window = key + "#" + start;
        int counted = fixedWindows.getOrDefault(window, 0);
        if (counted >= limit.count()) {
            return Decision.refuse(Duration.ofMillis(start + limit.window().toMillis() - now.toEpochMilli()));
        }
        fixedWindows.put(window, counted + 1);
        return Decision.allow(now);
    }

    @Override
    public synchronized Decision tally(LimitKey key, RateLimit limit, Instant now) {
        long start = SlidingWindow.fixedWindowStart(limit, now);
        if (fixedWindows.getOrDefault(key + "#" + start, 0) >= limit.count()) {
            return Decision.refuse(Duration.ofMillis(start + limit.window().toMillis() - now.toEpochMilli()));
        }
        return Decision.allow(now);
    }

    @Override
    public synchronized void release(LimitKey key, Instant recordedAt) {
        List<Long> remaining = new ArrayList<>(hits.getOrDefault(key, List.of()));
        remaining.remove(Long.valueOf(recordedAt.toEpochMilli()));
        hits.put(key, remaining);
    }
}
