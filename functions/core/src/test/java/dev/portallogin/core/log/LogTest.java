package dev.portallogin.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LOG_LEVEL quiets messages below it, never the metric lines the alarms are built on. */
class LogTest {

    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        Log.level("INFO");
        Log.redirect(System.out);
    }

    @Test
    void atWarnInfoMessagesAreDroppedWhileWarningsErrorsAndMetricsAreWritten() {
        Log.redirect(new PrintStream(lines, true, StandardCharsets.UTF_8));
        Log.level("warn");

        Log.info("code_requested");
        Log.warn("delivery_failed", "channel", "sms");
        Log.error("unexpected");
        Metrics.count("CodesIssued");

        assertThat(lines.toString(StandardCharsets.UTF_8).lines())
                .noneMatch(line -> line.contains("code_requested"))
                .anyMatch(line -> line.contains("\"event\":\"delivery_failed\""))
                .anyMatch(line -> line.contains("\"event\":\"unexpected\""))
                .anyMatch(line -> line.contains("\"CodesIssued\":1"));
    }

    @Test
    void anUnknownLevelLogsEverything() {
        Log.redirect(new PrintStream(lines, true, StandardCharsets.UTF_8));
        Log.level("verbose");

        Log.info("code_requested");

        assertThat(lines.toString(StandardCharsets.UTF_8)).contains("\"event\":\"code_requested\"");
    }
}
