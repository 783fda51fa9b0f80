package dev.portallogin.core.testing;

import dev.portallogin.core.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Keeps each unit test's log lines aside and prints them only when the test fails, so a green build prints none.
 * Registered for every module's unit tests through the service file beside it (JUnit's extension autodetection,
 * switched on in the parent pom). A test that checks what was logged redirects {@link Log} itself.
 */
public final class QuietLog implements BeforeEachCallback, TestWatcher {

    /** The running test's lines (JUnit closes a test's store before it tells watchers how the test ended). */
    private static final ThreadLocal<ByteArrayOutputStream> LINES = new ThreadLocal<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        LINES.set(lines);
        Log.redirect(new PrintStream(lines, true, StandardCharsets.UTF_8));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ByteArrayOutputStream lines = LINES.get();
        if (lines != null && lines.size() > 0) {
            System.out.println("Log lines of " + context.getDisplayName() + ":");
            System.out.print(lines.toString(StandardCharsets.UTF_8));
        }
        LINES.remove();
    }
}
