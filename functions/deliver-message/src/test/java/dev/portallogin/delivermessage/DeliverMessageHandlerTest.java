package dev.portallogin.delivermessage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.adapter.ses.RecipientTag;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.DeliveryException;
import dev.portallogin.core.testing.Fakes;
import dev.portallogin.core.testing.HttpCall;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deliver-message's two event sources: a batch from the delivery queue, and SES feedback through SNS. */
class DeliverMessageHandlerTest {

    private final Fakes fakes = new Fakes();
    private static final String FEEDBACK_TOPIC = "arn:aws:sns:us-east-1:123456789012:portal-MailFeedbackTopic";
    private final DeliverMessageHandler handler = new DeliverMessageHandler(
            new DeliverMessage(fakes.stores, fakes.customers, fakes.mailer, fakes.sms, fakes.deliveryRecords,
                    fakes.audit,
                    fakes.clock),
            new IssueCode(fakes.stores, fakes.customers, fakes.logins, fakes.devices, fakes.rateLimiter, fakes.queue,
                    fakes.deliveryRecords, fakes.codeKey, fakes.audit, fakes.policy(), fakes.clock),
            new RecordMailFeedback(fakes.accounts, fakes.audit, fakes.clock), FEEDBACK_TOPIC, 3);
    private final Store store = fakes.store("acme", "US");
    private final Customer jane = fakes.customer(store, "jane@example.com", "+12015550123");

    private OutgoingMessage sms(String text) {
        return OutgoingMessage.sms("login", new SmsMessage("acme", jane.customerId(), "+12015550123", text),
                fakes.clock.instant().plus(Duration.ofMinutes(10)));
    }

    private static Map<String, Object> record(String messageId, String body) {
        return Map.of("messageId", messageId, "body", body, "eventSource", "aws:sqs");
    }

    @Test
    void onlyTheMessagesThatMayStillGoOutAreReportedBackForRetry() {
        fakes.sms.failNext(new DeliveryException("sms", new IOException("throttled"), false));
        Map<String, Object> batch = Map.of("Records", List.of(
                record("m-1", QueuedMessages.toJson(sms("first"))),
                record("m-2", "not a message this service wrote"),
                record("m-3", QueuedMessages.toJson(sms("third")))));

        Map<String, Object> answer = HttpCall.invoke(handler, batch);

        assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-1"))));
        assertThat(fakes.sms.sent).extracting(sent -> sent.text()).containsExactly("third");
    }

    @Test
    void aFailedTryIsInTheTrailWithWhatTheServiceAnsweredAndTheLastOneSaysDeadLettered() {
        for (int receive = 1; receive <= 3; receive++) {
            fakes.sms.failNext(new DeliveryException("sms", new IOException("429"), false, "Throttling"));
            Map<String, Object> answer = HttpCall.invoke(handler, Map.of("Records", List.of(Map.of("messageId", "m-1",
                    "body", QueuedMessages.toJson(sms("1234 is your code")), "eventSource", "aws:sqs",
                    "attributes", Map.of("ApproximateReceiveCount", String.valueOf(receive))))));
            assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-1"))));
        }

        assertThat(fakes.audit.all()).filteredOn(entry -> entry.action().startsWith("message_"))
                .extracting(entry -> entry.action() + ": " + entry.details().get("reason")).containsExactly(
                        "message_failed: the SMS service answered Throttling",
                        "message_failed: the SMS service answered Throttling",
                        "message_dead_lettered: sending failed on every try; the SMS service answered Throttling");
    }

    @Test
    void aCodeRequestIsServedAndItsMessagesGoBackToTheQueue() {
        CodeRequest request = new CodeRequest("r-1", "acme", "jane@example.com", "198.51.100.1", null, null,
                fakes.clock.instant(), fakes.clock.instant().plus(Duration.ofMinutes(10)));

        Map<String, Object> answer = HttpCall.invoke(handler, Map.of("Records",
                List.of(record("m-1", QueuedMessages.toJson(request)))));

        assertThat(answer).isEqualTo(Map.of("batchItemFailures", List.of()));
        assertThat(fakes.queue.queued).extracting(OutgoingMessage::channel).containsExactly("email", "sms");
    }

    private String bounceOf(Customer customer) {
        return """
                {"eventType":"Bounce","mail":{"tags":{"%s":["%s"]}},"bounce":{"bounceType":"Permanent",
                 "bounceSubType":"General","bouncedRecipients":[{"emailAddress":"jane@example.com"}]}}"""
                .formatted(RecipientTag.NAME, RecipientTag.encode("acme", customer.customerId()));
    }

    @Test
    void aFeedbackEventFromAnotherTopicChangesNothing() {
        HttpCall.invoke(handler, Map.of("Records", List.of(Map.of("EventSource", "aws:sns",
                "Sns", Map.of("TopicArn", "arn:aws:sns:us-east-1:123456789012:someone-elses", "Message",
                        bounceOf(jane))))));

        assertThat(fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow().emailBouncing()).isFalse();
    }

    @Test
    void aBounceReportThroughSnsMarksTheCustomer() {
        String notification = """
                {"eventType":"Bounce","mail":{"tags":{"%s":["%s"]}},"bounce":{"bounceType":"Permanent",
                 "bounceSubType":"General","bouncedRecipients":[{"emailAddress":"jane@example.com"}]}}"""
                .formatted(RecipientTag.NAME, RecipientTag.encode("acme", jane.customerId()));

        HttpCall.invoke(handler, Map.of("Records", List.of(Map.of("EventSource", "aws:sns",
                "Sns", Map.of("TopicArn", FEEDBACK_TOPIC, "Message", notification)))));

        assertThat(fakes.directory.findCustomer("acme", jane.customerId()).orElseThrow().emailBouncing()).isTrue();
    }
}
