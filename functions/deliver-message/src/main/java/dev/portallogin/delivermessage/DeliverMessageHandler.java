package dev.portallogin.delivermessage;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Priming;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.event.EventRecords;
import dev.portallogin.core.event.EventRecords.QueueMessage;
import dev.portallogin.core.event.EventRecords.TopicMessage;
import dev.portallogin.core.log.Log;
import dev.portallogin.core.log.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Optional;

/**
 * Two event sources, told apart by their records: the delivery queue (SQS, in batches), which holds customers' asks
 * for a code ({@link IssueCode}) and the messages to send ({@link DeliverMessage}), and SES's bounce and complaint
 * reports (SNS), accepted only from the stack's own feedback topic. {@link EventRecords} reads the records and
 * answers which queue messages failed, so only those are retried; a message that keeps failing goes to the
 * dead-letter queue after three receives. Nothing it logs holds a code, a link or an address in full.
 */
public final class DeliverMessageHandler implements RequestStreamHandler, EventRecords.Consumer {

    /** A message is not started with less time left than a send may take (the SDK's call timeout, and margin). */
    private static final int MILLIS_NEEDED_PER_MESSAGE = 5_000;

    private final DeliverMessage deliverMessage;
    private final IssueCode issueCode;
    private final RecordMailFeedback recordMailFeedback;
    private final String feedbackTopicArn;
    private final int maxReceives;

    /** Lambda's constructor: see {@link Priming#lambdaClients}. */
    public DeliverMessageHandler() {
        this(Priming.lambdaClients(Priming::phoneNumbers), LoginPolicy.fromEnvironment(), Clock.systemUTC());
    }

    /** Wired to the AWS clients the template's environment names: the local runner's and the tests' way in. */
    public DeliverMessageHandler(AwsClients aws, LoginPolicy policy, Clock clock) {
        this(new DeliverMessage(aws.stores(), aws.customers(), aws.mailer(), aws.smsSender(), aws.deliveryRecords(),
                        aws.auditLog(), clock),
                new IssueCode(aws.stores(), aws.customers(), aws.loginStore(), aws.trustedDevices(), aws.rateLimiter(),
                        aws.deliveryQueue(), aws.deliveryRecords(), aws.codeKey(), aws.auditLog(), policy, clock),
                new RecordMailFeedback(aws.customerAccounts(), aws.auditLog(), clock),
                aws.config().mailFeedbackTopicArn(), aws.config().deliveryMaxReceives());
    }

    /**
     * @param feedbackTopicArn the one SNS topic whose events are SES feedback ({@code MAIL_FEEDBACK_TOPIC_ARN}); events
     *                         from any other topic change nothing
     * @param maxReceives      the delivery queue's {@code maxReceiveCount} ({@code DELIVERY_MAX_RECEIVES}): a message
     *                         received that many times goes to the dead-letter queue if it fails again
     */
    public DeliverMessageHandler(DeliverMessage deliverMessage, IssueCode issueCode,
                                 RecordMailFeedback recordMailFeedback, String feedbackTopicArn, int maxReceives) {
        this.deliverMessage = deliverMessage;
        this.issueCode = issueCode;
        this.recordMailFeedback = recordMailFeedback;
        this.feedbackTopicArn = feedbackTopicArn;
        this.maxReceives = maxReceives;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        EventRecords.handle(input, output, context, MILLIS_NEEDED_PER_MESSAGE, this);
    }

    /** A customer's ask for a code, or a message to send; anything else this service did not write. */
    @Override
    public void fromQueue(QueueMessage queued) {
        Optional<CodeRequest> request = QueuedMessages.requestFromJson(queued.body());
        if (request.isPresent()) {
            issueCode.issue(request.get());
            return;
        }
        Optional<OutgoingMessage> message = QueuedMessages.fromJson(queued.body());
        if (message.isEmpty()) {
            // Not a message this service wrote: retrying would never make it one.
            Log.warn("message_dropped", "reason", "unreadable");
            Metrics.count("MessagesDropped", "Reason", "unreadable");
            return;
        }
        deliverMessage.deliver(message.get(), queued.receiveCount() >= maxReceives);
    }

    /** SES's report about a message, from the stack's feedback topic only. */
    @Override
    public void fromTopic(TopicMessage notification) {
        if (feedbackTopicArn == null || !feedbackTopicArn.equals(notification.topicArn())) {
            Log.warn("mail_feedback_refused", "reason", "not_from_the_feedback_topic");
            Metrics.count("MessagesDropped", "Reason", "foreign_feedback");
            return;
        }
        Optional<SesNotifications.MessageReport> state = SesNotifications.messageReport(notification.message());
        state.ifPresent(recordMailFeedback::record);
        Optional<RecordMailFeedback.Report> report = SesNotifications.report(notification.message());
        if (report.isEmpty()) {
            if (state.isEmpty()) {
                Log.info("mail_feedback_ignored");
            }
            return;
        }
        recordMailFeedback.record(report.get());
    }
}
