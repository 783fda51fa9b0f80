package dev.portallogin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    private static final List<RateLimit> LIMITS = RateLimit.parseList("1/60,5/3600,10/86400");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static long ago(Duration duration) {
        return NOW.minus(duration).toEpochMilli();
    }

    @Test
    void aFirstRequestWaitsForNothing() {
        assertThat(SlidingWindow.waitFor(List.of(), LIMITS, NOW)).isZero();
    }

    @Test
    void aSecondRequestWithinTheMinuteWaitsForTheRest() {
        assertThat(SlidingWindow.waitFor(List.of(ago(Duration.ofSeconds(15))), LIMITS, NOW))
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void theSixthRequestInAnHourWaitsUntilTheOldestLeavesTheWindow() {
        List<Long> hits = List.of(ago(Duration.ofMinutes(50)), ago(Duration.ofMinutes(40)),
                ago(Duration.ofMinutes(30)), ago(Duration.ofMinutes(20)), ago(Duration.ofMinutes(10)));
        assertThat(SlidingWindow.waitFor(hits, LIMITS, NOW)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theEleventhRequestInADayWaitsForTheDayWindow() {
        List<Long> hits = IntStream.range(0, 10)
                .mapToObj(i -> ago(Duration.ofHours(2 + 2L * i))).toList();
        assertThat(SlidingWindow.waitFor(hits, LIMITS, NOW)).isEqualTo(Duration.ofHours(24 - 20));
    }

    @Test
    void requestsOutsideEveryWindowNoLongerCount() {
        assertThat(SlidingWindow.waitFor(List.of(ago(Duration.ofHours(25))), LIMITS, NOW)).isZero();
    }

    @Test
    void limitsParseFromCountSlashSeconds() {
        assertThat(LIMITS).containsExactly(new RateLimit(1, Duration.ofSeconds(60)),
                new RateLimit(5, Duration.ofHours(1)), new RateLimit(10, Duration.ofDays(1)));
    }

    @Test
    void aCounterKeepsOnlyTheHitsInsideItsLongestWindow() {
        List<Long> hits = List.of(ago(Duration.ofHours(25)), ago(Duration.ofHours(23)), ago(Duration.ofSeconds(5)));
        assertThat(SlidingWindow.stillCounting(hits, LIMITS, NOW))
                .containsExactly(ago(Duration.ofHours(23)), ago(Duration.ofSeconds(5)));
    }

    @Test
    void fixedWindowsStartOnWholeMultiplesOfTheirLength() {
        RateLimit hourly = new RateLimit(60, Duration.ofHours(1));
        assertThat(SlidingWindow.fixedWindowStart(hourly, NOW.plusSeconds(59 * 60 + 59)))
                .isEqualTo(NOW.toEpochMilli());
        assertThat(SlidingWindow.fixedWindowStart(hourly, NOW.plusSeconds(3600))).isEqualTo(NOW.toEpochMilli()
                + 3_600_000);
    }
}
