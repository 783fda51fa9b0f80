package dev.portallogin.core.event;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared edge of a function fed by SQS or SNS, as {@link dev.portallogin.core.http.LambdaEntry} is for HTTP:
 * reads the event, hands each record's message to the function, and writes the answer. For an SQS batch it answers
 * which messages must come again ({@code batchItemFailures}, with {@code ReportBatchItemFailures} on the event source
 * mapping): a message whose handling threw, and every message it had no time left to start. SNS records have no
 * partial failure; a failure there is the function's to record.
 */
public final class EventRecords {

    /**
     * One SQS message: its id (what a retry names), its body, and how many times the queue has handed it out, this
     * time included ({@code ApproximateReceiveCount}; 1 when the event does not say).
     */
    public record QueueMessage(String messageId, String body, int receiveCount) {
    }

    /** One SNS notification: the topic it came from and its message. */
    public record TopicMessage(String topicArn, String message) {
    }

    /** What a function does with each record; a queue message whose handling throws comes again. */
    public interface Consumer {
        void fromQueue(QueueMessage message);

        void fromTopic(TopicMessage notification);
    }

    private EventRecords() {
    }

    /**
     * @param millisNeeded the time a message may take; with less left, the rest of the batch is handed back unstarted
     */
    public static void handle(InputStream input, OutputStream output, Context context, long millisNeeded,
                              Consumer consumer) throws IOException {
        Log.startRequest(context == null ? null : context.getAwsRequestId());
        try {
            Object answer = serve(records(Json.parse(input)), context, millisNeeded, consumer);
            output.write(Json.write(answer).getBytes(StandardCharsets.UTF_8));
        } finally {
            Log.endRequest();
        }
    }

    private static List<Map<?, ?>> records(Object event) {
        List<Map<?, ?>> records = new ArrayList<>();
        if (event instanceof Map<?, ?> map && map.get("Records") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(record -> records.add((Map<?, ?>) record));
        }
        return records;
    }

    private static Object serve(List<Map<?, ?>> records, Context context, long millisNeeded, Consumer consumer) {
        if (!records.isEmpty() && "aws:sns".equals(records.get(0).get("EventSource"))) {
            for (Map<?, ?> record : records) {
                Map<?, ?> sns = record.get("Sns") instanceof Map<?, ?> map ? map : Map.of();
                consumer.fromTopic(new TopicMessage(text(sns.get("TopicArn")), text(sns.get("Message"))));
            }
            return Map.of();
        }
        List<Map<String, String>> failures = new ArrayList<>();
        for (Map<?, ?> record : records) {
            String messageId = String.valueOf(record.get("messageId"));
            if (context != null && context.getRemainingTimeInMillis() < millisNeeded) {
                failures.add(Map.of("itemIdentifier", messageId));
                continue;
            }
            try {
                consumer.fromQueue(new QueueMessage(messageId, text(record.get("body")), receiveCount(record)));
            } catch (RuntimeException mayPass) {
                Log.warn("message_retried", "type", mayPass.getClass().getSimpleName());
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    private static int receiveCount(Map<?, ?> record) {
        Object count = record.get("attributes") instanceof Map<?, ?> attributes
                ? attributes.get("ApproximateReceiveCount") : null;
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(String.valueOf(count)));
        } catch (NumberFormatException notACount) {
            return 1;
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }
}
