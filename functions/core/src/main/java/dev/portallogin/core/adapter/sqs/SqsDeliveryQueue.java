package dev.portallogin.core.adapter.sqs;

import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.port.DeliveryQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link DeliveryQueue} on Amazon SQS: one {@code SendMessageBatch} (JSON protocol) for the messages of one
 * request, so a login's email and SMS cost one round trip. The queue is encrypted at rest and keeps messages no
 * longer than a code lives.
 */
public record SqsDeliveryQueue(SignedAwsCall sqs, String queueUrl) implements DeliveryQueue {

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type", "application/x-amz-json-1.0",
            "X-Amz-Target", "AmazonSQS.SendMessageBatch");

    @Override
    public void enqueue(List<OutgoingMessage> messages) {
        send(messages.stream().map(QueuedMessages::toJson).toList());
    }

    @Override
    public void enqueue(CodeRequest request) {
        send(List.of(QueuedMessages.toJson(request)));
    }

    private void send(List<String> bodies) {
        if (bodies.isEmpty()) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Id", Integer.toString(i));
            entry.put("MessageBody", bodies.get(i));
            entries.add(entry);
        }
        try {
            byte[] answer = sqs.post("/", HEADERS, Json.write(Map.of("QueueUrl", queueUrl, "Entries", entries))
                    .getBytes(StandardCharsets.UTF_8));
            // A batch answers 200 even when some entries were refused; each refused one fails the whole call
            // (handing the others over again is harmless: the deliverer sends each message id once).
            if (Json.parse(new String(answer, StandardCharsets.UTF_8)) instanceof Map<?, ?> result
                    && result.get("Failed") instanceof List<?> failed && !failed.isEmpty()) {
                throw SdkClientException.builder().message("SQS refused " + failed.size() + " of "
                        + bodies.size() + " messages").build();
            }
        } catch (IOException unreadable) {
            throw new DeliveryException("queue", unreadable, false);
        } catch (SdkException failure) {
            throw new DeliveryException("queue", failure, false);
        }
    }
}
