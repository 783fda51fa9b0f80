package dev.portallogin.core.domain;

import java.time.Duration;

/** A duration as a person reads it in a message: "45 seconds", "10 minutes", "24 hours". */
public final class HumanDuration {

    private HumanDuration() {
    }

    /** Rounded up, so a wait is never said to be shorter than it is. */
    public static String of(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = (minutes + 59) / 60;
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
