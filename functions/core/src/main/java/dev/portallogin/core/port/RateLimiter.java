package dev.portallogin.core.port;

import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.PortalFailure.RateLimited;
import dev.portallogin.core.domain.SourceNetwork;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import dev.portallogin.core.domain.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sliding-window request counters kept outside the function, so every container sees the same counts. */
public interface RateLimiter {

    /** Whether a request was let through; when not, how long until one would be. */
    record Decision(boolean allowed, Duration retryAfter, Instant recordedAt) {
        public static Decision allow(Instant recordedAt) {
            return new Decision(true, Duration.ZERO, recordedAt);
        }

        public static Decision refuse(Duration retryAfter) {
            return new Decision(false, retryAfter, null);
        }

        /**
         * The one way a spent limit becomes an answer: logged with its scope and the caller's network (the /24 or
         * /64, never the address), counted in the {@code RateLimited} metric, and refused with the wait.
         *
         * @throws RateLimited when this decision refused
         */
        public void requireAllowed(String scope, SourceNetwork network) {
            if (!allowed) {
                Log.info("rate_limited", "scope", scope, "network", network.label(),
                        "retryAfterSeconds", retryAfter.toSeconds());
                Metrics.count("RateLimited", "Scope", scope);
                throw new RateLimited(retryAfter);
            }
        }
    }

    /** Records one request under {@code key} at {@code now} unless that would break one of {@code limits}. */
    Decision tryAcquire(LimitKey key, List<RateLimit> limits, Instant now);

    /** One key's counter and the limits it is held to. */
    record Count(LimitKey key, List<RateLimit> limits) {
    }

    /**
     * Records one request under every key at {@code now}, or under none when any of them would break its limits:
     * the decisions, one per count in order, are all allowed or the refused ones say how long to wait. One read and
     * one write for all the keys together.
     */
    List<Decision> tryAcquireAll(List<Count> counts, Instant now);

    /**
     * Counts one request under {@code key} in the current fixed window of {@code limit} (one conditional write, no
     * read): for ceilings on busy keys, a whole store's traffic, where keeping every request's time would not do.
     */
    Decision tryCount(LimitKey key, RateLimit limit, Instant now);

    /**
     * Checks the ceiling {@link #tryCount} keeps under {@code key} without counting toward it, in the same single
     * write (the request is tallied aside): a request that must not count, such as a code typed for an identifier
     * with no live code, takes the same round trip as one that does, and is refused while the ceiling is reached.
     */
    Decision tally(LimitKey key, RateLimit limit, Instant now);

    /**
     * Takes back a request recorded by {@link #tryAcquire} that was never served (the code could not be
     * delivered), so a failure does not count against the customer.
     */
    void release(LimitKey key, Instant recordedAt);
}
