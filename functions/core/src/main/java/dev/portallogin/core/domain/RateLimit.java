package dev.portallogin.core.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** At most {@code count} requests in any sliding {@code window}. */
public record RateLimit(int count, Duration window) {

    public RateLimit {
        if (count < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive count and window");
        }
    }

    /** Parses {@code "1/60,5/3600,10/86400"}: count/seconds pairs, comma separated. */
    public static List<RateLimit> parseList(String text) {
        List<RateLimit> limits = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] countAndSeconds = part.strip().split("/");
            if (countAndSeconds.length != 2) {
                throw new IllegalArgumentException("rate limit must read count/seconds: " + part);
            }
            limits.add(new RateLimit(Integer.parseInt(countAndSeconds[0].strip()),
                    Duration.ofSeconds(Long.parseLong(countAndSeconds[1].strip()))));
        }
        return List.copyOf(limits);
    }

    public static Duration longestWindow(List<RateLimit> limits) {
        return limits.stream().map(RateLimit::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
