package dev.portallogin.tools;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does for one function, here: receive a batch from the queue, invoke the
 * function with the SQS event, delete the messages it did not report in {@code batchItemFailures}, and leave those
 * to come back after the queue's visibility timeout (and go to the dead-letter queue after its
 * {@code maxReceiveCount}). The emulator answers one request at a time, so it is polled without long polling.
 */
public final class QueuePoller implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final RequestStreamHandler handler;
    private final int batchSize;
    private ExecutorService workers;

    public QueuePoller(SqsClient sqs, String queueUrl, String region, RequestStreamHandler handler, int batchSize) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.region = region;
        this.handler = handler;
        this.batchSize = batchSize;
        this.queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
    }

    /** A poller for every {@code SQS} event source of the template, invoking the emulator's handler instances. */
    public static List<QueuePoller> fromTemplate(TemplateModel template, Map<String, String> physicalIds,
                                                 ApiGatewayEmulator api, SqsClient sqs, String region) {
        List<QueuePoller> pollers = new ArrayList<>();
        for (TemplateModel.QueueSource source : template.queueSources()) {
            pollers.add(new QueuePoller(sqs, physicalIds.get(source.queueLogicalId()), region,
                    api.handler(source.functionLogicalId()), source.batchSize()));
        }
        return pollers;
    }

    /** Receives one batch (without waiting for one), invokes the function, deletes what it handled. */
    public int pollOnce() {
        List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        Object answer = ApiGatewayEmulator.invoke(handler, event(messages));
        Set<String> failed = failures(answer);
        List<DeleteMessageBatchRequestEntry> handled = messages.stream()
                .filter(message -> failed != null && !failed.contains(message.messageId()))
                .map(message -> DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build())
                .toList();
        if (!handled.isEmpty()) {
            sqs.deleteMessageBatch(request -> request.queueUrl(queueUrl).entries(handled));
        }
        return messages.size();
    }

    /** Polls until a receive finds nothing: every message visible now has been through the function. */
    public void drain() {
        while (pollOnce() > 0) {
            // Keep going: a batch was full, or more arrived.
        }
    }

    /** Polls in the background with {@code concurrency} workers, as Lambda scales out on a busy queue. */
    public synchronized QueuePoller start(Duration idlePause, int concurrency) {
        if (workers == null) {
            workers = Executors.newFixedThreadPool(concurrency, runnable -> {
                Thread thread = new Thread(runnable, "queue-poller");
                thread.setDaemon(true);
                return thread;
            });
            for (int i = 0; i < concurrency; i++) {
                workers.submit(() -> loop(idlePause));
            }
        }
        return this;
    }

    private void loop(Duration idlePause) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (pollOnce() == 0) {
                    Thread.sleep(idlePause.toMillis());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException emulatorBusyOrGone) {
                // Lambda's poller keeps polling through errors too; the next round tries again.
                try {
                    Thread.sleep(idlePause.toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }

    private Map<String, Object> event(List<Message> messages) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message message : messages) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            record.put("attributes", message.attributesAsStrings());
            record.put("messageAttributes", Map.of());
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
            records.add(record);
        }
        return Map.of("Records", records);
    }

    /** The messages the function reported as failed; null when the invocation failed as a whole. */
    private static Set<String> failures(Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("batchItemFailures") instanceof List<?> failures) {
            return failures.stream().filter(Map.class::isInstance)
                    .map(failure -> String.valueOf(((Map<?, ?>) failure).get("itemIdentifier")))
                    .collect(Collectors.toSet());
        }
        // Anything else (the function failed as a whole) fails the whole batch, as Lambda treats it.
        return null;
    }
}
