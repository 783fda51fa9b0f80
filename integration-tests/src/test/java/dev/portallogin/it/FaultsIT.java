package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.FaultProxy;
import dev.portallogin.it.support.FaultProxy.Failure;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * AWS faults injected by a loopback proxy in front of the emulator: the SDK's bounded retries absorb transient
 * ones; what remains is a retryable 503 without internal detail, and nothing half-written.
 */
class FaultsIT {

    private final FaultProxy proxy;
    private final Portal portal;
    private final Store store;

    FaultsIT() throws IOException {
        AwsBackend backend = AwsBackend.shared();
        proxy = FaultProxy.in(URI.create(backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
        portal = new Portal(Map.of("AWS_ENDPOINT_URL", proxy.endpoint().toString()));
        store = portal.newStore("US");
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    private static void noInternalDetail(HttpResponse response) {
        assertThat(response.body()).doesNotContain("Exception", "dynamodb", "DynamoDb", "at dev.", "amazonaws");
    }

    @Test
    void transientDynamoDbThrottlingAndFailuresAreAbsorbedByRetries() {
        Customer customer = portal.newCustomer(store, false);
        proxy.fail(2, Failure.dynamoDbThrottling(), "dynamodb:GetItem")
                .fail(2, Failure.dynamoDbInternalError(), "dynamodb:TransactWriteItems");

        HttpResponse requested = portal.requestCode(store, customer.email());
        String code = portal.outbox().lastEmailTo(customer.email()).code().orElseThrow();
        proxy.fail(2, Failure.dynamoDbInternalError(), "dynamodb:UpdateItem", "dynamodb:TransactWriteItems");
        HttpResponse signedIn = portal.verifyCode(store, customer.email(), code);

        assertThat(requested.status()).isEqualTo(202);
        assertThat(signedIn.status()).isEqualTo(200);
        Figures.record("Transient DynamoDB throttling and 500s", "FaultsIT.transientDynamoDbThrottlingAndFailures"
                + "AreAbsorbedByRetries", proxy.injected() + " faults injected, 0 reached the customer");
    }

    @Test
    void aPersistentDynamoDbFailureIsA503AndCountsNothingAgainstTheCustomer() {
        Customer customer = portal.newCustomer(store, false);
        proxy.fail(100, Failure.dynamoDbInternalError(), "dynamodb:TransactWriteItems");

        HttpResponse failed = portal.requestCode(store, customer.email());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(json(failed)).containsEntry("error", "service_unavailable");
        assertThat(failed.header("Retry-After")).isPresent();
        noInternalDetail(failed);
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        proxy.heal();
        assertThat(portal.requestCode(store, customer.email()).status()).as("asking again at once").isEqualTo(202);
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        Figures.record("DynamoDB down while asking for a code", "FaultsIT.aPersistentDynamoDbFailureIsA503AndCounts"
                + "NothingAgainstTheCustomer", "503 service_unavailable, 0 rate-limit slots kept, retry at once: 202");
    }

    @Test
    void transientSecretsMailAndSmsFailuresAreRetriedAndDeliverOnce() {
        Customer customer = portal.newCustomer(store, true);
        proxy.fail(1, Failure.secretsManagerInternalError(), "secretsmanager:GetSecretValue")
                .fail(1, Failure.sesThrottling(), "ses:SendEmail")
                .fail(2, Failure.snsFailure(), "sns:Publish");

        assertThat(portal.requestCode(store, customer.email()).status()).isEqualTo(202);

        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        assertThat(portal.outbox().smsTo(customer.phoneE164())).hasSize(1);
        Figures.record("Transient Secrets Manager 500, SES throttling and SNS 500s", "FaultsIT.transientSecretsMail"
                + "AndSmsFailuresAreRetriedAndDeliverOnce", proxy.injected() + " faults injected, 0 reached the "
                + "customer; one email and one SMS delivered");
    }

    @Test
    void aQueueThatCannotTakeTheMessagesIsA503AndCountsNothingAgainstTheCustomer() {
        Customer customer = portal.newCustomer(store, true);
        proxy.fail(100, Failure.sqsInternalError(), "sqs:SendMessageBatch");

        HttpResponse failed = portal.requestCode(store, customer.email());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(json(failed)).containsEntry("error", "service_unavailable");
        assertThat(failed.header("Retry-After")).isPresent();
        noInternalDetail(failed);
        proxy.heal();
        assertThat(portal.requestCode(store, customer.email()).status()).as("nothing was counted").isEqualTo(202);
        assertThat(portal.outbox().emailsTo(customer.email())).hasSize(1);
        Figures.record("The delivery queue down while issuing a code", "FaultsIT.aQueueThatCannotTakeTheMessagesIsA503"
                + "AndCountsNothingAgainstTheCustomer", "503 service_unavailable with Retry-After; the retry right "
                + "after: 202, email sent");
    }

    @Test
    void aHangingDatabaseAnswersWellWithinTheLambdaTimeout() {
        Customer customer = portal.newCustomer(store, false);
        proxy.delay(100, Duration.ofSeconds(3), "dynamodb:BatchGetItem");

        long started = System.nanoTime();
        HttpResponse failed = portal.requestCode(store, customer.email());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed.status()).isEqualTo(503);
        noInternalDetail(failed);
        assertThat(took).isLessThan(Duration.ofSeconds(8));
        Figures.record("DynamoDB hanging (3 s per call)", "FaultsIT.aHangingDatabaseAnswersWellWithinTheLambda"
                + "Timeout", "503 after " + took.toMillis() + " ms (attempt timeout 1.5 s, call timeout 4 s, "
                + "Lambda timeout 10 s)");
    }

    @Test
    void aFailedSignInSpendsNothingAndMakesNoSession() {
        Customer customer = portal.newCustomer(store, false);
        String token = portal.emailedLinkToken(store, customer);
        proxy.fail(100, Failure.dynamoDbInternalError(), "dynamodb:TransactWriteItems");

        HttpResponse failed = portal.consumeLink(token);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.cookies()).isEmpty();
        proxy.heal();
        assertThat(portal.consumeLink(token).status()).isEqualTo(200);
        assertThat(portal.consumeLink(token).status()).isEqualTo(401);
        long sessions = portal.backend.dynamoDb().scanPaginator(request -> request
                        .tableName(portal.backend.table("LoginTable"))
                        .filterExpression("begins_with(pk, :session) AND customerId = :customer")
                        .expressionAttributeValues(Map.of(":session", AttributeValue.fromS("session#"),
                                ":customer", AttributeValue.fromS(customer.customerId()))))
                .items().stream().count();
        assertThat(sessions).isEqualTo(1);
    }

    @Test
    void aFailedEmailChangeLeavesTheOwnershipEntriesAsTheyWere() {
        Customer customer = portal.newCustomer(store, false);
        String wanted = "wanted." + store.storeId() + "@example.com";
        proxy.fail(100, Failure.dynamoDbInternalError(), "dynamodb:TransactWriteItems");

        var answer = new Dashboard(portal, CallingStyle.HTTP).updateEmail(customer.customerId(),
                Dashboard.request("storeId", store.storeId(), "email", wanted, "agentId", "agent-7"));

        assertThat(answer.status()).isEqualTo(503);
        proxy.heal();
        assertThat(portal.backend.customers().findCustomerByEmail(store.storeId(),
                dev.portallogin.core.domain.EmailAddress.parse(customer.email()).orElseThrow()))
                .map(Customer::customerId).contains(customer.customerId());
        assertThat(portal.backend.customers().findCustomerByEmail(store.storeId(),
                dev.portallogin.core.domain.EmailAddress.parse(wanted).orElseThrow())).isEmpty();
    }
}
