package dev.portallogin.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret and personal value the tests saw (codes, magic-link tokens, session cookies, full emails and phone
 * numbers), kept in {@code target/seen-secrets.txt} as {@code kind<TAB>value} so that {@code LogLeakIT}, run after
 * the whole suite, can check that none of them reached a log line.
 */
public final class SeenSecrets {

    static final Path FILE = Path.of("target", "seen-secrets.txt");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private SeenSecrets() {
    }

    public static void note(String kind, String value) {
        if (value == null || value.isBlank() || !SEEN.add(kind + "\t" + value)) {
            return;
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, kind + "\t" + value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    static void noteMessages(List<Outbox.Email> emails, List<Outbox.Sms> sms) {
        for (Outbox.Email email : emails) {
            email.to().forEach(address -> note("email", address));
            email.code().ifPresent(code -> note("code", code));
            email.magicLinkToken().ifPresent(token -> note("token", token));
        }
        for (Outbox.Sms message : sms) {
            note("phone", message.phoneNumber());
            message.code().ifPresent(code -> note("code", code));
        }
    }

    /** The values of the session, sign-in browser and form cookies a response sets. */
    public static void noteCookies(List<String> cookies) {
        for (String cookie : cookies) {
            int equals = cookie.indexOf('=');
            int end = cookie.indexOf(';');
            if (equals > 0 && end > equals + 1 && cookie.startsWith("__Host-portal_")) {
                note(cookie.substring("__Host-portal_".length(), equals), cookie.substring(equals + 1, end));
            }
        }
    }
}
