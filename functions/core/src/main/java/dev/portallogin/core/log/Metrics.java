package dev.portallogin.core.log;

import dev.portallogin.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters in CloudWatch Embedded Metric Format: one JSON line on standard output per data point, which CloudWatch
 * Logs turns into a metric in namespace {@value #NAMESPACE} without any API call from the function. Alarms in
 * {@code template.yaml} watch {@code DeliveryFailures} and the ratio of {@code Logins} (Method=code) to
 * {@code CodesIssued}.
 */
public final class Metrics {

    public static final String NAMESPACE = "PortalLogin";

    private Metrics() {
    }

    /** One occurrence of {@code metric}, without dimensions. */
    public static void count(String metric) {
        emit(metric, null, null);
    }

    /** One occurrence of {@code metric} for one value of a dimension, e.g. Logins with Method=code. */
    public static void count(String metric, String dimension, String value) {
        emit(metric, dimension, value);
    }

    private static void emit(String metric, String dimension, String value) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        directive.put("Dimensions", List.of(dimension == null ? List.of() : List.of(dimension)));
        directive.put("Metrics", List.of(Map.of("Name", metric, "Unit", "Count")));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
        if (dimension != null) {
            line.put(dimension, value);
        }
        line.put(metric, 1);
        Log.raw(Json.write(line));
    }
}
