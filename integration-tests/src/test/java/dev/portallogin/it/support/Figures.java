package dev.portallogin.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures the security and reliability tests measure, appended as table rows to
 * {@code integration-tests/target/security-figures.md} (the README's table is copied from there) and printed.
 */
public final class Figures {

    static final Path FILE = Path.of("target", "security-figures.md");

    private Figures() {
    }

    public static synchronized void record(String rule, String test, String figure) {
        String row = "| " + rule + " | `" + test + "` | " + figure + " |";
        System.out.println("FIGURE " + row);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
