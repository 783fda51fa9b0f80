package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.LimitKey;
import dev.portallogin.core.domain.RateLimit;
import dev.portallogin.core.port.RateLimiter;
import dev.portallogin.core.port.RateLimiter.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does, run against the in-memory one and the DynamoDB one on the emulator. */
public abstract class RateLimiterContract {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:30Z");
    private static final List<RateLimit> TWO_A_MINUTE = RateLimit.parseList("2/60");

    private final Ports ports;

    protected RateLimiterContract(Ports ports) {
        this.ports = ports;
    }

    private final LimitKey key = LimitKey.of("contract", UUID.randomUUID().toString());

    @Test
    void requestsWithinTheLimitGoAndTheNextWaitsUntilTheOldestLeavesTheWindow() {
        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW).allowed()).isTrue();
        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(10)).allowed()).isTrue();

        Decision third = ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(20));

        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(60)).allowed()).isTrue();
    }

    @Test
    void aRefusedRequestDoesNotCount() {
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW);
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW);
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(30));

        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(60)).allowed()).isTrue();
    }

    @Test
    void keysAreCountedApart() {
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW);
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW);

        assertThat(ports.rateLimiter().tryAcquire(LimitKey.of("contract", key.parts().get(0) + "-other"), TWO_A_MINUTE, NOW).allowed()).isTrue();
    }

    @Test
    void aReleasedRequestNoLongerCounts() {
        Decision first = ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW);
        ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(1));

        ports.rateLimiter().release(key, first.recordedAt());

        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(2)).allowed()).isTrue();
        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(3)).allowed()).isFalse();
    }

    @Test
    void aFixedWindowCeilingRefusesUntilTheWindowEnds() {
        RateLimit threeAMinute = new RateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(ports.rateLimiter().tryCount(key, threeAMinute, NOW.plusSeconds(i)).allowed()).isTrue();
        }

        Decision fourth = ports.rateLimiter().tryCount(key, threeAMinute, NOW.plusSeconds(10));

        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(ports.rateLimiter().tryCount(key, threeAMinute, NOW.plusSeconds(30)).allowed()).isTrue();
    }

    @Test
    void severalKeysAreCountedTogetherOrNotAtAll() {
        LimitKey other = LimitKey.of("contract", key.parts().get(0), "other");
        List<RateLimiter.Count> both = List.of(new RateLimiter.Count(key, TWO_A_MINUTE),
                new RateLimiter.Count(other, RateLimit.parseList("1/60")));

        assertThat(ports.rateLimiter().tryAcquireAll(both, NOW)).allMatch(Decision::allowed);
        List<Decision> second = ports.rateLimiter().tryAcquireAll(both, NOW.plusSeconds(10));

        assertThat(second).extracting(Decision::allowed).containsExactly(true, false);
        assertThat(second.get(1).retryAfter()).isEqualTo(Duration.ofSeconds(50));
        assertThat(ports.rateLimiter().tryAcquire(key, TWO_A_MINUTE, NOW.plusSeconds(20)).allowed())
                .as("the refused pair counted nothing under the first key").isTrue();
    }

    @Test
    void aTalliedRequestMeetsTheCeilingWithoutCountingTowardIt() {
        RateLimit twoAMinute = new RateLimit(2, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(ports.rateLimiter().tally(key, twoAMinute, NOW).allowed()).isTrue();
        }
        ports.rateLimiter().tryCount(key, twoAMinute, NOW);
        ports.rateLimiter().tryCount(key, twoAMinute, NOW);

        assertThat(ports.rateLimiter().tally(key, twoAMinute, NOW).allowed()).as("refused at the ceiling").isFalse();
    }
}
