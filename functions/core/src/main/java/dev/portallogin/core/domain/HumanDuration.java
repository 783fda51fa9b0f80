package dev.portallogin.core.domain;

import java.time.Duration;

/** A duration as a person reads it in a message: "45 seconds", "10 minutes", "24 hours". */
public final class HumanDuration {

    private HumanDuration() {
    }

    /** In English, rounded up, so a wait is never said to be shorter than it is. */
    public static String of(Duration duration) {
        return of(duration, Language.ENGLISH);
    }

    /** In {@code language} ({@link Language}), rounded up. */
    public static String of(Duration duration, String language) {
        return LoginMessages.duration(duration, language);
    }
}
