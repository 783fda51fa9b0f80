package dev.portallogin.core.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate-limit rule: at most {@code count} requests in any sliding {@code window}, for every limit at once. Given
 * the times of the requests already let through, says how long the next one must wait (zero: it may go now).
 */
public final class SlidingWindow {

    private SlidingWindow() {
    }

    /** Zero when a request fits every limit; otherwise the time until the oldest blocking request leaves. */
    public static Duration waitFor(List<Long> hitsMillis, List<RateLimit> limits, Instant now) {
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

    /** The hits still inside the longest of {@code limits} at {@code now}: all a counter needs to keep. */
    public static List<Long> stillCounting(List<Long> hitsMillis, List<RateLimit> limits, Instant now) {
        long start = now.minus(RateLimit.longestWindow(limits)).toEpochMilli();
        return hitsMillis.stream().filter(hit -> hit > start).toList();
    }

    /** Where the fixed window of {@code limit} that holds {@code now} starts, in epoch millis. */
    public static long fixedWindowStart(RateLimit limit, Instant now) {
        long windowMillis = limit.window().toMillis();
        return now.toEpochMilli() / windowMillis * windowMillis;
    }
}
