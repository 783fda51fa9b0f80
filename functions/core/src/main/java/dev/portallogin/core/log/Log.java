package dev.portallogin.core.log;

import dev.portallogin.core.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Structured JSON log lines: one object per line with time, level, event name and the request id. Callers pass
 * only masked or non-personal values; this class never sees a body, code, token or session.
 */
public final class Log {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static final List<String> LEVELS = List.of("INFO", "WARN", "ERROR");
    private static volatile PrintStream out = System.out;
    private static volatile int threshold = levelIndex(System.getenv("LOG_LEVEL"));

    private Log() {
    }

    public static void startRequest(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void endRequest() {
        REQUEST_ID.remove();
    }

    /**
     * The least level written: INFO (the default), WARN or ERROR, from {@code LOG_LEVEL}. Metric lines are always
     * written: they are the alarms' input, not messages.
     */
    public static void level(String level) {
        threshold = levelIndex(level);
    }

    private static int levelIndex(String level) {
        int index = level == null ? -1 : LEVELS.indexOf(level.strip().toUpperCase(Locale.ROOT));
        return Math.max(index, 0);
    }

    /** Where lines go; tests point it at a buffer to check what was logged. */
    public static void redirect(PrintStream target) {
        out = target;
    }

    public static void info(String event, Object... keysAndValues) {
        write("INFO", event, keysAndValues);
    }

    public static void warn(String event, Object... keysAndValues) {
        write("WARN", event, keysAndValues);
    }

    public static void error(String event, Object... keysAndValues) {
        write("ERROR", event, keysAndValues);
    }

    /** A line already in its final form (metrics). */
    static void raw(String line) {
        out.println(line);
    }

    private static void write(String level, String event, Object... keysAndValues) {
        if (LEVELS.indexOf(level) < threshold) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        line.put("requestId", REQUEST_ID.get());
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            line.put(String.valueOf(keysAndValues[i]), value instanceof Number || value instanceof Boolean
                    ? value : String.valueOf(value));
        }
        out.println(Json.write(line));
    }
}
