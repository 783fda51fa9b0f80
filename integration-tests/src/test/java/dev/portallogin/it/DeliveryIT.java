package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.adapter.ses.RecipientTag;
import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.FaultProxy.Failure;
import dev.portallogin.it.support.FaultProxy;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Login messages leave request-code through the delivery queue and go out from deliver-message: once each, retried
 * through the queue when SES or SNS fail for a while, dropped when they are too old to be of use, parked in the
 * dead-letter queue when they keep failing. SES's bounce and complaint reports mark the customer.
 */
class DeliveryIT {

    private final AwsBackend backend = AwsBackend.isolated();
    private final FaultProxy proxy = proxy(backend);
    private final Portal portal = new Portal(backend, Map.of("AWS_ENDPOINT_URL", proxy.endpoint().toString()));
    private final Store store = portal.newStore("US");

    private static FaultProxy proxy(AwsBackend backend) {
        try {
            FaultProxy proxy = FaultProxy.in(URI.create(backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
            // A failed message comes back after a second here, not after the template's 60 s.
            backend.sqs().setQueueAttributes(request -> request.queueUrl(backend.physicalIds().get("DeliveryQueue"))
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
            return proxy;
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    @AfterEach
    void close() {
        proxy.close();
    }

    private int waiting(String queue) {
        var attributes = backend.sqs().getQueueAttributes(request -> request.queueUrl(backend.physicalIds().get(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Delivers what is visible, again and again (failed messages come back after a second), until done. */
    private void deliverUntil(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("delivered in time").isBefore(deadline);
            portal.deliver();
            Thread.sleep(250);
        }
    }

    @Test
    void requestCodeAnswersWithoutAnySesOrSnsCallAndTheMessagesStillArriveOnceEach() {
        Customer customer = portal.newCustomer(store, true);

        proxy.record();
        assertThat(portal.requestCode(store, customer.email()).status()).isEqualTo(202);
        List<String> requestCodeCalls = proxy.recorded().stream().map(FaultProxy.Call::operation).toList();

        assertThat(requestCodeCalls).doesNotContain("ses:SendEmail", "sns:Publish").contains("sqs:SendMessageBatch");
        assertThat(waiting("DeliveryQueue")).as("the request, served after the queue").isEqualTo(1);
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        assertThat(portal.outbox().smsTo(customer.phoneE164())).hasSize(1);
        assertThat(waiting("DeliveryQueue")).isZero();
        Figures.record("request-code makes no SES or SNS call", "DeliveryIT.requestCodeAnswersWithoutAnySesOrSnsCall"
                + "AndTheMessagesStillArriveOnceEach", requestCodeCalls.size() + " AWS calls, 0 to SES or SNS ("
                + String.join(", ", requestCodeCalls.stream().distinct().toList()) + "); then 1 email and 1 SMS");
    }

    @Test
    void sesAndSnsFailuresThatPassAreRetriedThroughTheQueueAndEachChannelSendsOnce() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        // Three 500s in a row outlast the SDK's own three attempts: the message goes back to the queue.
        proxy.fail(3, Failure.sesThrottling(), "ses:SendEmail");
        proxy.fail(4, Failure.snsFailure(), "sns:Publish");

        portal.requestCode(store, customer.email());
        deliverUntil(() -> waiting("DeliveryQueue") == 0);

        assertThat(proxy.injected()).isEqualTo(7);
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        assertThat(portal.outbox().smsTo(customer.phoneE164())).hasSize(1);
        assertThat(waiting("DeliveryDeadLetterQueue")).isZero();
        Figures.record("SES throttled and SNS failing beyond the SDK's retries", "DeliveryIT.sesAndSnsFailures"
                + "ThatPassAreRetriedThroughTheQueueAndEachChannelSendsOnce", "3 SES throttles and 4 SNS 500s "
                + "injected: both messages retried through the queue; exactly 1 email and 1 SMS");
    }

    @Test
    void aCopyOfAMessageTheQueueDeliversTwiceIsSentOnce() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        portal.requestCode(store, customer.email());
        String queue = backend.physicalIds().get("DeliveryQueue");
        var original = backend.sqs().receiveMessage(request -> request.queueUrl(queue).visibilityTimeout(0))
                .messages().get(0);
        backend.sqs().sendMessage(request -> request.queueUrl(queue).messageBody(original.body()));

        deliverUntil(() -> waiting("DeliveryQueue") == 0);

        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
    }

    /** What a principal that could write to the queue would try: messages this service never made. */
    private void forge(OutgoingMessage message) {
        backend.sqs().sendMessage(request -> request.queueUrl(backend.physicalIds().get("DeliveryQueue"))
                .messageBody(QueuedMessages.toJson(message)));
    }

    @Test
    void aQueueMessageNamingAnotherAddressAnotherStoresSenderOrADisallowedCountrySendsNothing() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        Customer abroad = portal.addCustomer(store, "abroad-" + store.storeId(), "abroad." + store.storeId()
                + "@example.com", "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)));
        new LocalAws(backend.aws(), "").verifySenderDomains(List.of("other-sender.example.com"));
        Instant expires = portal.clock.instant().plus(Duration.ofMinutes(10));
        String attacker = "attacker." + store.storeId() + "@evil.example";

        forge(OutgoingMessage.email("login", new EmailMessage(store.storeId(), customer.customerId(),
                store.emailFrom(), EmailAddress.parse(attacker).orElseThrow(), "Your code", "phish", "<p>phish</p>"),
                expires));
        forge(OutgoingMessage.email("login", new EmailMessage(store.storeId(), customer.customerId(),
                "login@other-sender.example.com", EmailAddress.parse(customer.email()).orElseThrow(), "Your code",
                "phish", "<p>phish</p>"), expires));
        forge(OutgoingMessage.sms("login", new SmsMessage(store.storeId(), abroad.customerId(), abroad.phoneE164(),
                "1234 is your code"), expires));
        forge(OutgoingMessage.sms("login", new SmsMessage(store.storeId(), customer.customerId(), "+12015550100",
                "1234 is your code"), expires));
        deliverUntil(() -> waiting("DeliveryQueue") == 0);

        assertThat(portal.outbox().emailsTo(attacker)).isEmpty();
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        assertThat(portal.outbox().smsTo(abroad.phoneE164())).isEmpty();
        assertThat(portal.outbox().smsTo("+12015550100")).isEmpty();
        Figures.record("Delivery trusts nothing it is handed", "DeliveryIT.aQueueMessageNamingAnotherAddressAnother"
                + "StoresSenderOrADisallowedCountrySendsNothing", "forged queue messages to an address not on file, "
                + "from another store's (verified) sender, to a number in a country the store does not text and to "
                + "a number not on file: nothing sent (dropped with MessagesDropped Reason=not_on_file)");
    }

    @Test
    void twoConcurrentCopiesOfAMessageSendOneEmail() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        String body = QueuedMessages.toJson(OutgoingMessage.email("login", new EmailMessage(store.storeId(),
                customer.customerId(), store.emailFrom(), EmailAddress.parse(customer.email()).orElseThrow(),
                "1234 is your code", "text", "<p>html</p>"), portal.clock.instant().plus(Duration.ofMinutes(10))));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService copies = Executors.newFixedThreadPool(8);
        List<Future<Object>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String messageId = "copy-" + i;
            answers.add(copies.submit(() -> {
                start.await();
                return ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), Map.of("Records",
                        List.of(Map.of("messageId", messageId, "body", body, "eventSource", "aws:sqs"))));
            }));
        }
        start.countDown();
        for (Future<Object> answer : answers) {
            answer.get();
        }
        copies.shutdown();

        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        Figures.record("Copies of one queued message handled at once", "DeliveryIT.twoConcurrentCopiesOfAMessage"
                + "SendOneEmail", "8 copies in parallel: 1 email (claimed with a conditional write before sending; a "
                + "send that fails gives the claim back, a deliverer that dies between claim and send sends nothing)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aForgedFeedbackEventFromAnotherTopicChangesNothing() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        Map<String, Object> forged = (Map<String, Object>) Json.parse(Json.write(report("ses-bounce.json", customer))
                .replace(backend.physicalIds().get("MailFeedbackTopic"),
                        "arn:aws:sns:us-east-1:123456789012:someone-elses-topic"));

        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), forged);

        assertThat(backend.customers().findCustomer(store.storeId(), customer.customerId()).orElseThrow()
                .emailBouncing()).isFalse();
        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), report("ses-bounce.json", customer));
        assertThat(backend.customers().findCustomer(store.storeId(), customer.customerId()).orElseThrow()
                .emailBouncing()).as("the same report from the stack's own topic").isTrue();
    }

    @Test
    void aMessagePastItsLifetimeIsDroppedUnsent() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        portal.requestCode(store, customer.email());

        portal.clock.advance(Duration.ofMinutes(11));
        deliverUntil(() -> waiting("DeliveryQueue") == 0);

        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        assertThat(portal.outbox().smsTo(customer.phoneE164())).isEmpty();
        assertThat(waiting("DeliveryDeadLetterQueue")).isZero();
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterQueueAfterThreeReceives() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        proxy.fail(Integer.MAX_VALUE, Failure.sesThrottling(), "ses:SendEmail");

        portal.requestCode(store, customer.email());
        deliverUntil(() -> waiting("DeliveryDeadLetterQueue") == 1);

        assertThat(waiting("DeliveryQueue")).isZero();
        assertThat(proxy.injected()).as("3 receives of 3 SDK attempts each").isEqualTo(9);
        proxy.heal();
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        List<Map<String, Object>> events = messageEvents(new Dashboard(portal, CallingStyle.DIRECT), customer);
        assertThat(events).extracting(entry -> entry.get("action")).as("the test's clock stands still, so their "
                + "order within the millisecond is open").containsExactlyInAnyOrder("message_queued",
                "message_failed", "message_failed", "message_dead_lettered");
        assertThat(Json.write(events)).contains("sending failed on every try; the mail service answered "
                + "TooManyRequestsException");
        Figures.record("A message that keeps failing", "DeliveryIT.aMessageThatKeepsFailingGoesToTheDeadLetterQueue"
                + "AfterThreeReceives", "SES throttling every call: 3 receives (9 attempts), then the dead-letter "
                + "queue (alarm DeliveryDeadLetterAlarm); the other channel is unaffected");
    }

    @Test
    void aRefusedEmailIsNotRetriedAndTheSmsStillGoes() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        proxy.fail(1, Failure.sesMessageRejected(), "ses:SendEmail");

        portal.requestCode(store, customer.email());
        deliverUntil(() -> waiting("DeliveryQueue") == 0);

        assertThat(proxy.injected()).isEqualTo(1);
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        assertThat(portal.outbox().smsTo(customer.phoneE164())).hasSize(1);
        assertThat(waiting("DeliveryDeadLetterQueue")).isZero();
    }

    /** SES's documented bounce or complaint record, from {@code events/}, about {@code customer}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> report(String sample, Customer customer) throws IOException {
        String event = Files.readString(backend.projectRoot().resolve("events/direct/deliver-message/" + sample))
                .replace(RecipientTag.encode("acme", "cus-1002"), RecipientTag.encode(store.storeId(),
                        customer.customerId()))
                .replace("sam.lee@example.net", customer.email())
                .replace("arn:aws:sns:us-east-1:123456789012:portal-login-MailFeedbackTopic",
                        backend.physicalIds().get("MailFeedbackTopic"));
        return (Map<String, Object>) Json.parse(event);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLoginEmailsRecordGoesQueuedSentDeliveredFromSesEventsAndAnExpiredOneSaysWhy() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        Dashboard dashboard = new Dashboard(portal, CallingStyle.HTTP);
        portal.requestCode(store, customer.email());
        portal.deliver();
        String messageId = messageEvents(dashboard, customer).stream()
                .filter(entry -> entry.get("action").equals("message_sent"))
                .map(entry -> ((Map<String, String>) entry.get("details")).get("messageId")).findFirst().orElseThrow();

        Map<String, Object> delivered = report("ses-delivery.json", customer);
        String withOurId = Json.write(delivered).replace("3c9f2a1e-7b4d-4c1a-9e55-0d2b6f8a1c77", messageId);
        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), Json.parse(withOurId));
        Instant expired = portal.clock.instant().plus(Duration.ofMinutes(10));
        backend.sqs().sendMessage(send -> send.queueUrl(backend.physicalIds().get("DeliveryQueue")).messageBody(
                QueuedMessages.toJson(OutgoingMessage.sms("login", new SmsMessage(store.storeId(),
                        customer.customerId(), customer.phoneE164(), "1234 is your code"), expired))));
        portal.clock.advance(Duration.ofMinutes(11));
        portal.deliver();

        List<Map<String, Object>> events = messageEvents(dashboard, customer);
        assertThat(events.stream().filter(entry -> messageId.equals(((Map<String, String>) entry.get("details"))
                .get("messageId"))).map(entry -> entry.get("action")).toList())
                .as("the test's clock stands still, so their order within the millisecond is open")
                .containsExactlyInAnyOrder("message_delivered", "message_sent", "message_queued");
        assertThat(events).anySatisfy(entry -> {
            assertThat(entry.get("action")).isEqualTo("message_dropped");
            assertThat((Map<String, String>) entry.get("details")).containsEntry("reason", "expired")
                    .containsEntry("channel", "sms");
        });
        assertThat(Json.write(events)).doesNotContain(customer.email());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> messageEvents(Dashboard dashboard, Customer customer) {
        return ((List<Map<String, Object>>) dashboard.audit(store.storeId(), customer.customerId()).document()
                .get("entries")).stream().filter(entry -> String.valueOf(entry.get("action")).startsWith("message_"))
                .toList();
    }

    @Test
    void aPermanentBounceMarksTheCustomerUntilAnAgentFixesTheEmail() throws Exception {
        Customer customer = portal.newCustomer(store, true);
        Dashboard dashboard = new Dashboard(portal, CallingStyle.HTTP);

        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), report("ses-bounce.json", customer));

        assertThat(dashboard.customer(store.storeId(), customer.customerId()).document())
                .containsEntry("emailBouncing", true).containsEntry("deliverableEmail", false);
        dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId()))
                .hasError(422, "no_valid_email");
        portal.requestCode(store, customer.phoneE164());
        assertThat(portal.outbox().emailsTo(customer.email())).as("no more mail to a bouncing address").isEmpty();
        assertThat(portal.outbox().smsTo(customer.phoneE164())).as("the code still goes by SMS").hasSize(1);

        dashboard.updateEmail(customer.customerId(), request("storeId", store.storeId(),
                "email", "fixed." + customer.email())).hasStatus(200);
        assertThat(dashboard.customer(store.storeId(), customer.customerId()).document())
                .containsEntry("emailBouncing", false).containsEntry("deliverableEmail", true);
        dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId()))
                .hasStatus(201);
        assertThat(dashboard.audit(store.storeId(), customer.customerId()).document().toString())
                .contains("email_bounced", "mail-system");
    }

    @Test
    void aComplaintMarksTheCustomerAndAReportAboutAnOldAddressChangesNothing() throws Exception {
        Customer complained = portal.newCustomer(store, false);
        Customer moved = portal.newCustomer(store, false);
        Map<String, Object> aboutTheOldAddress = report("ses-bounce.json", moved);
        new Dashboard(portal, CallingStyle.DIRECT).updateEmail(moved.customerId(), request("storeId", store.storeId(),
                "email", "new." + moved.email(), "agentId", "a-1")).hasStatus(200);

        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), report("ses-complaint.json",
                complained));
        ApiGatewayEmulator.invoke(portal.api.handler("DeliverMessageFunction"), aboutTheOldAddress);

        assertThat(backend.customers().findCustomer(store.storeId(), complained.customerId()).orElseThrow()
                .emailComplained()).isTrue();
        assertThat(backend.customers().findCustomer(store.storeId(), moved.customerId()).orElseThrow()
                .deliverableEmail()).isPresent();
    }
}
