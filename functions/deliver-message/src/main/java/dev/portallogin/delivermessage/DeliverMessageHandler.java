package dev.portallogin.delivermessage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two event sources, told apart by their records: the delivery queue (SQS, in batches), which holds customers' asks
 * for a code ({@link IssueCode}) and the messages to send ({@link DeliverMessage}), and SES's bounce and complaint
 * reports (SNS), accepted only from the stack's own feedback topic. For a batch it answers which messages failed ({@code batchItemFailures}, the template
 * turns on {@code ReportBatchItemFailures}), so only those are retried; a message that keeps failing goes to the
 * dead-letter queue after three receives. Nothing it logs holds a code, a link or an address in full.
 */
public final class DeliverMessageHandler implements RequestStreamHandler {

    /** A message is not started with less time left than a send may take (the SDK's call timeout, and margin). */
    private static final int MILLIS_NEEDED_PER_MESSAGE = 5_000;

    private final DeliverMessage deliverMessage;
    private final IssueCode issueCode;
    private final RecordMailFeedback recordMailFeedback;
    private final String feedbackTopicArn;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public DeliverMessageHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public DeliverMessageHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new DeliverMessage(aws.customerDirectory(), aws.mailer(), aws.smsSender(), aws.deliveryRecords(), clock),
                new IssueCode(aws.customerDirectory(), aws.loginStore(), aws.trustedDevices(), aws.rateLimiter(),
                        aws.deliveryQueue(), aws.deliveryRecords(), aws.codeKey(), policy, clock),
                new RecordMailFeedback(aws.customerDirectory(), clock), aws.config().mailFeedbackTopicArn());
    }

    /**
     * @param feedbackTopicArn the one SNS topic whose events are SES feedback ({@code MAIL_FEEDBACK_TOPIC_ARN}); events
     *                         from any other topic change nothing
     */
    public DeliverMessageHandler(DeliverMessage deliverMessage, IssueCode issueCode,
                                 RecordMailFeedback recordMailFeedback, String feedbackTopicArn) {
        this.deliverMessage = deliverMessage;
        this.issueCode = issueCode;
        this.recordMailFeedback = recordMailFeedback;
        this.feedbackTopicArn = feedbackTopicArn;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Log.startRequest(context == null ? null : context.getAwsRequestId());
        try {
            Object answer = handle(Json.parse(input), context);
            output.write(Json.write(answer).getBytes(StandardCharsets.UTF_8));
        } finally {
            Log.endRequest();
        }
    }

    private Object handle(Object event, Context context) {
        List<Map<?, ?>> records = new ArrayList<>();
        if (event instanceof Map<?, ?> map && map.get("Records") instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(record -> records.add((Map<?, ?>) record));
        }
        if (!records.isEmpty() && "aws:sns".equals(records.get(0).get("EventSource"))) {
            records.forEach(this::recordFeedback);
            return Map.of();
        }
        return Map.of("batchItemFailures", deliver(records, context));
    }

    /** The queue messages of a batch that must come again; every other one is done with. */
    private List<Map<String, String>> deliver(List<Map<?, ?>> records, Context context) {
        List<Map<String, String>> failures = new ArrayList<>();
        for (Map<?, ?> record : records) {
            String messageId = String.valueOf(record.get("messageId"));
            if (context != null && context.getRemainingTimeInMillis() < MILLIS_NEEDED_PER_MESSAGE) {
                failures.add(Map.of("itemIdentifier", messageId));
                continue;
            }
            String body = record.get("body") instanceof String text ? text : "";
            Optional<CodeRequest> request = QueuedMessages.requestFromJson(body);
            if (request.isPresent()) {
                try {
                    issueCode.issue(request.get());
                } catch (RuntimeException mayPass) {
                    Log.warn("code_request_retried", "type", mayPass.getClass().getSimpleName());
                    failures.add(Map.of("itemIdentifier", messageId));
                }
                continue;
            }
            Optional<OutgoingMessage> message = QueuedMessages.fromJson(body);
            if (message.isEmpty()) {
                // Not a message this service wrote: retrying would never make it one.
                Log.warn("message_dropped", "reason", "unreadable");
                Metrics.count("MessagesDropped", "Reason", "unreadable");
                continue;
            }
            try {
                deliverMessage.deliver(message.get());
            } catch (RuntimeException mayPass) {
                Log.warn("delivery_retried", "channel", message.get().channel(),
                        "type", mayPass.getClass().getSimpleName());
                failures.add(Map.of("itemIdentifier", messageId));
            }
        }
        return failures;
    }

    private void recordFeedback(Map<?, ?> record) {
        Map<?, ?> sns = record.get("Sns") instanceof Map<?, ?> map ? map : Map.of();
        if (feedbackTopicArn == null || !feedbackTopicArn.equals(sns.get("TopicArn"))) {
            Log.warn("mail_feedback_refused", "reason", "not_from_the_feedback_topic");
            Metrics.count("MessagesDropped", "Reason", "foreign_feedback");
            return;
        }
        Object notification = sns.get("Message");
        Optional<RecordMailFeedback.Report> report = notification instanceof String text
                ? SesNotifications.report(text) : Optional.empty();
        if (report.isEmpty()) {
            Log.info("mail_feedback_ignored");
            return;
        }
        recordMailFeedback.record(report.get());
    }
}
