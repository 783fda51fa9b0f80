package dev.portallogin.core.domain;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An answer that leaves no sooner than a set time after the request came in, so that how long the work took (more
 * database writes for a real customer than for an unknown identifier) does not show in the timing.
 */
public final class ResponseFloor {

    private final long notBeforeNanos;

    private ResponseFloor(long notBeforeNanos) {
        this.notBeforeNanos = notBeforeNanos;
    }

    /** A floor {@code minimum} from now; zero for none. */
    public static ResponseFloor startingNow(Duration minimum) {
        return new ResponseFloor(System.nanoTime() + minimum.toNanos());
    }

    /** Waits out what is left of the floor. */
    public void await() {
        long remaining = notBeforeNanos - System.nanoTime();
        if (remaining > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(remaining);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
