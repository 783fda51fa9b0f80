package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Spending a secret is one conditional write: of many parallel attempts exactly one signs in. */
class ConcurrencyIT {

    private static final int PARALLEL = 50;

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @Test
    void fiftyParallelUsesOfOneLinkMakeExactlyOneSession() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        String token = portal.emailedLinkToken(store, customer);

        List<HttpResponse> responses = inParallel(() -> portal.consumeLink(token));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 200)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(401));
        assertThat(sessionsOf(customer)).isEqualTo(1);
        Figures.record("Single use under concurrency", "ConcurrencyIT.fiftyParallelUses"
                + "OfOneLinkMakeExactlyOneSession (and ...OfOneCode...)", "50 parallel uses of one link: 1 session; "
                + "of one code: 1 session");
    }

    @Test
    void fiftyParallelUsesOfOneCodeMakeExactlyOneSession() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        Outbox.Email email = portal.loginEmail(store, customer);
        String code = email.code().orElseThrow();

        List<HttpResponse> responses = inParallel(() -> portal.verifyCodeFromAnywhere(store, customer.email(), code));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 200)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(401));
        assertThat(sessionsOf(customer)).isEqualTo(1);
    }

    @Test
    void fiftyParallelWrongGuessesGetAtMostFiveComparisons() throws Exception {
        Customer customer = portal.newCustomer(store, false);
        String code = portal.emailedCode(store, customer);
        String wrong = code.equals("0000") ? "1111" : "0000";

        inParallel(() -> portal.verifyCodeFromAnywhere(store, customer.email(), wrong));

        // The customer's trail says which guesses were compared with the code and which found it out of tries.
        List<String> reasons = new AwsClients(portal.backend.configFor("VerifyLinkFunction", Map.of())).auditLog()
                .list(store.storeId(), customer.customerId(), 100).stream()
                .filter(entry -> entry.action().equals("code_refused"))
                .map(entry -> entry.details().get("reason")).toList();
        assertThat(reasons).hasSize(PARALLEL);
        long compared = reasons.stream().filter("wrong_code"::equals).count();
        assertThat(compared).isEqualTo(5);
        assertThat(portal.verifyCode(store, customer.email(), code).status()).isEqualTo(401);
        Figures.record("Attempts counted before comparing (each attempt one atomic count, compared only while it "
                + "is 5 or less)", "ConcurrencyIT.fiftyParallelWrongGuessesGetAtMostFiveComparisons", "50 parallel "
                + "wrong guesses: " + compared + " comparisons (the customer's trail), then the right code is refused "
                + "too");
    }



    private List<HttpResponse> inParallel(Supplier<HttpResponse> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<HttpResponse> responses = new ArrayList<>();
            for (Future<HttpResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long sessionsOf(Customer customer) {
        return portal.backend.dynamoDb().scanPaginator(request -> request
                        .tableName(portal.backend.table("LoginTable"))
                        .filterExpression("begins_with(pk, :session) AND customerId = :customer AND storeId = :store")
                        .expressionAttributeValues(Map.of(
                                ":session", AttributeValue.fromS("session#"),
                                ":customer", AttributeValue.fromS(customer.customerId()),
                                ":store", AttributeValue.fromS(store.storeId()))))
                .items().stream().count();
    }
}
