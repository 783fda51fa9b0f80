package dev.portallogin.core.domain;

import java.time.Duration;

/**
 * Where wrong codes are counted: per customer and network (a stranger's network pauses code sign-in for her from
 * there only) and per store (the ceiling on guesses at live codes). verify-link counts them; deliver-message reads
 * the network's count to tell a customer asking from a paused network why no code comes.
 */
public final class CodeGuesses {

    /** The per-network count runs in day-long windows: a pause lifts when its day ends. */
    public static final Duration NETWORK_WINDOW = Duration.ofDays(1);

    private CodeGuesses() {
    }

    /** The limit of wrong codes for one customer from one network, in a {@link #NETWORK_WINDOW}. */
    public static RateLimit perNetwork(int limit) {
        return new RateLimit(limit, NETWORK_WINDOW);
    }

}
