package dev.portallogin.core.log;

import dev.portallogin.core.http.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured JSON log lines: one object per line with time, level, event name and the request id. Callers pass
 * only masked or non-personal values; this class never sees a body, code, token or session.
 */
public final class Log {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
    private static volatile PrintStream out = System.out;

    private Log() {
    }

    public static void startRequest(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void endRequest() {
        REQUEST_ID.remove();
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
