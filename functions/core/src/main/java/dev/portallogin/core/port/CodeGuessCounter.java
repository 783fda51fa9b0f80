package dev.portallogin.core.port;

import java.time.Duration;
import java.time.Instant;

/** The count of a customer's wrong codes in a row, which pauses code sign-in when it reaches its limit. */
public interface CodeGuessCounter {

    /** Whether a code guess may be compared, the customer's consecutive-failure count having been raised for it. */
    enum Guess { COUNTED, LOCKED, NO_CUSTOMER }

    /**
     * Counts a code guess against the customer's consecutive-failure limit before anyone compares it, in one
     * conditional write: of any number of parallel guesses, only as many as the limit leaves are counted, the
     * others are {@link Guess#LOCKED}. A lock older than {@code lockDuration} is lifted by the guess, which starts a
     * new count. A successful sign-in sets the count back to zero.
     */
    Guess countCodeGuess(String storeId, String customerId, int limit, Duration lockDuration, Instant now);

    /**
     * Counts a guess that counts against nobody (an unknown identifier, or a guess held elsewhere), in a write that
     * succeeds as counting a customer's does: a refused write answers sooner than one that writes, and that
     * difference would tell a stranger who is a customer. Always {@link Guess#NO_CUSTOMER}.
     */
    Guess countAside(String storeId, Instant now);
}
