package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.MagicLinkToken;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.port.LoginStore;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Parallel;
import dev.portallogin.it.support.FaultProxy;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import dev.portallogin.tools.Seed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Known and unknown identifiers cannot be told apart by how long the sign-in routes take to answer, even with AWS
 * slowed down between the functions and the emulator (a proxy): on every call, and on one call in ten at random.
 * Slow by nature (6,000 timed requests, 2,000 of them behind 80 ms calls), so it runs in the timing profile of the
 * README's test command ({@code mvn -B verify -Pslow}), not in a plain {@code mvn -B verify}.
 */
class PrivacyTimingIT {

    /** Every DynamoDB, SQS and Secrets Manager call a sign-in route can make. */
    private static final String[] AWS_CALLS = {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
        "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:TransactWriteItems", "dynamodb:BatchGetItem",
        "sqs:SendMessage", "sqs:SendMessageBatch", "secretsmanager:GetSecretValue"};

    /** Parallel callers, each on an emulator of its own. */
    private static final int CALLERS = Integer.getInteger("timing.callers", 3);

    /** How the proxy between the functions and the emulator slows AWS down. */
    enum SlowAws {
        EVERY_CALL_80_MS("80 ms added to every DynamoDB and SQS call", 500) {
            @Override
            void apply(FaultProxy proxy) {
                proxy.delayAlways(Duration.ofMillis(80), AWS_CALLS);
            }
        },
        ONE_CALL_IN_TEN_300_MS("300 ms added to one call in ten, at random, the same draws for both sides", 1000) {
            @Override
            void apply(FaultProxy proxy) {
                proxy.delaySometimes(0.1, Duration.ofMillis(300), AWS_CALLS);
            }
        };

        final String description;
        /**
         * Timed requests of each side, known and unknown identifiers. At random, a median sits in the tail of the
         * requests that drew no delay, where samples are thin: twice the 500 asked for. The chance spread of the
         * medians' difference is then under 1 ms (one standard error, by resampling the pairs) in both cases.
         */
        final int pairs;

        SlowAws(String description, int pairs) {
            this.description = description;
            this.pairs = pairs;
        }

        abstract void apply(FaultProxy proxy);

        /** Known and unknown medians within 5 ms and p90s within 10 ms. */
        void assertAlike(Timings timings) {
            assertThat(timings.difference(50)).as("median difference").isLessThanOrEqualTo(5);
            assertThat(timings.difference(90)).as("p90 difference").isLessThanOrEqualTo(10);
        }
    }

    /**
     * One of the parallel callers, with everything of its own: an emulator with the template's tables, a store, its
     * customers, and copies of the sign-in functions that reach AWS through its own slowing proxy (limits out of the
     * way of the timing). moto answers one request at a time, so callers sharing one emulator would wait for each
     * other's calls: that queue, not the routes, spread one route's plain answers from 30 to 100 ms.
     */
    private static final class Caller implements AutoCloseable {
        final Portal portal = new Portal(AwsBackend.onAnEmulatorOfItsOwn(), Map.of());
        final Store store = portal.newStore("US");
        final FaultProxy proxy;
        final Portal through;
        /** This caller's customers, by the number of the pair they are timed in. */
        final Map<Integer, Customer> known = new HashMap<>();
        /** The first answer this caller got: every later one must look the same. */
        private HttpResponse first;

        Caller(SlowAws slow) throws IOException {
            proxy = FaultProxy.in(URI.create(portal.backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
            slow.apply(proxy);
            Map<String, String> environment = Map.of("IDENTIFIER_RATE_LIMITS", "1000/60", "SOURCE_IP_RATE_LIMITS",
                    "1000/60", "VERIFY_IP_RATE_LIMITS", "1000/60", "STORE_VERIFY_RATE_LIMIT", "100000/3600",
                    "CUSTOMER_CODE_LIMITS", "1000/60");
            through = new Portal(portal.backend, environment);
            Map<String, String> throughProxy = new HashMap<>(environment);
            throughProxy.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            for (String function : List.of("RequestCodeFunction", "VerifyLinkFunction")) {
                through.api.replace(function, ApiGatewayEmulator.instantiate(portal.backend.template()
                        .function(function).orElseThrow(), portal.backend.environmentFor(function, throughProxy),
                        through.clock));
            }
        }

        /** Customers for pairs {@code from}, {@code from + CALLERS}, ... below {@code pairs}, half with a phone. */
        void addCustomers(String prefix, int from, int pairs) {
            List<Customer> added = new ArrayList<>();
            for (int i = from; i < pairs; i += CALLERS) {
                Customer customer = new Customer(store.storeId(), prefix + "-" + i, prefix + "." + i + "."
                        + store.storeId() + "@example.com", i % 2 == 0 ? Portal.uniqueUsNumber() : null, "Ti", "Ming",
                        false, null);
                known.put(i, customer);
                added.add(customer);
            }
            new Seed(List.of(), added, List.of()).load(portal.backend.dynamoDb(),
                    portal.backend.table("DirectoryTable"));
        }

        /** Status, headers, body and cookies alike; a cookie's random value aside, which every answer has its own of. */
        void sameAsTheFirst(HttpResponse response) {
            if (first == null) {
                first = response;
            }
            assertThat(response.status()).isEqualTo(first.status());
            assertThat(response.body()).isEqualTo(first.body());
            assertThat(response.headers()).isEqualTo(first.headers());
            assertThat(withoutValues(response.cookies())).isEqualTo(withoutValues(first.cookies()));
        }

        @Override
        public void close() {
            proxy.close();
            portal.backend.discard();
        }
    }

    private static List<String> withoutValues(List<String> cookies) {
        return cookies.stream().map(cookie -> cookie.replaceFirst("=[^;]*;", "=…;")).toList();
    }

    /**
     * Known and unknown identifiers, from several callers, with AWS slowed by a proxy: request-code makes the same
     * calls for both, so neither answer nor timing tells them apart, with no response floor. What a known identifier
     * causes after the queue (finding the customer, issuing the code) runs afterwards: in AWS it runs elsewhere,
     * while here it would only queue behind the timed calls in the emulator.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SlowAws.class)
    void knownAndUnknownIdentifiersCannotBeToldApartByAnswerOrTiming(SlowAws slow) throws Exception {
        Timings timings = race("request-code", slow, (caller, from) -> caller.addCustomers("rc", from, slow.pairs),
                (caller, i) -> asked(caller, caller.known.get(i).email()),
                (caller, i) -> asked(caller, "nobody." + i + "." + caller.store.storeId() + "@example.com"));

        Figures.record("Asking for a code, known vs unknown identifiers, " + slow.description + " (a proxy), "
                        + slow.pairs + " requests each, " + CALLERS + " callers",
                "PrivacyTimingIT.knownAndUnknownIdentifiersCannotBeToldApartByAnswerOrTiming",
                "same status, headers and body; " + timings + "; no response floor");
        assertThat(timings.known()).hasSize(slow.pairs);
        slow.assertAlike(timings);
    }

    private static long asked(Caller caller, String email) {
        long started = System.nanoTime();
        HttpResponse response = caller.through.requestCodeFromAnywhere(caller.store, email);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).isEqualTo(202);
        caller.sameAsTheFirst(response);
        return millis;
    }

    /**
     * A wrong code for a known customer with a live code (counted against the code, the store's ceiling, the
     * customer from that network and overall, recorded in their trail) and for an unknown identifier, each from
     * their own addresses, with AWS slowed by a proxy: the same answer, and the same calls in the same order, so the
     * same time, with no response floor.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(SlowAws.class)
    void aWrongCodeForAKnownOrAnUnknownIdentifierCannotBeToldApart(SlowAws slow) throws Exception {
        Timings timings = race("verify", slow, (caller, from) -> {
                    caller.addCustomers("vc", from, slow.pairs);
                    giveLiveCodes(caller);
                },
                (caller, i) -> guessed(caller, caller.known.get(i).email(), "0000"),
                (caller, i) -> guessed(caller, "stranger." + i + "." + caller.store.storeId() + "@example.com",
                        "0000"));

        Figures.record("A wrong code, known (live code) vs unknown identifiers, " + slow.description
                        + " (a proxy), " + slow.pairs + " each, " + CALLERS + " callers",
                "PrivacyTimingIT.aWrongCodeForAKnownOrAnUnknownIdentifierCannotBeToldApart", "same status, headers and "
                        + "body (401 invalid_code); " + timings + "; no response floor");
        assertThat(timings.known()).hasSize(slow.pairs);
        slow.assertAlike(timings);
    }

    /**
     * A live code and link for each of the caller's customers, as deliver-message stores them, with an HMAC no typed
     * code matches: every guess at them is a real, counted, wrong guess.
     */
    private static void giveLiveCodes(Caller caller) {
        LoginStore logins = new AwsClients(caller.portal.backend.configFor("VerifyLinkFunction", Map.of()))
                .loginStore();
        Instant now = caller.portal.clock.instant();
        for (Customer customer : caller.known.values()) {
            byte[] noCodeMatches = new byte[32];
            ThreadLocalRandom.current().nextBytes(noCodeMatches);
            logins.issueCustomerLogin(new LoginStore.StoredCode(caller.store.storeId(), customer.customerId(),
                            java.util.UUID.randomUUID().toString(), noCodeMatches, now,
                            now.plus(Duration.ofMinutes(30)), 0),
                    new LoginStore.StoredLink(MagicLinkToken.generate().hash(), caller.store.storeId(),
                            customer.customerId(), "customer", now, now.plus(Duration.ofMinutes(30)), null, null));
        }
    }

    private static long guessed(Caller caller, String email, String code) {
        long started = System.nanoTime();
        HttpResponse response = caller.through.verifyCodeFromAnywhere(caller.store, email, code);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).isEqualTo(401);
        caller.sameAsTheFirst(response);
        return millis;
    }

    /** Readies a caller for its pairs: {@code from}, {@code from + CALLERS}, ... */
    private interface SetUp {
        void prepare(Caller caller, int from);
    }

    /** The {@code i}-th request of one side, made by {@code caller}; answers how long it took, in ms. */
    private interface Timed {
        long request(Caller caller, int i);
    }

    /**
     * Times {@code slow.pairs} pairs of requests, the i-th known and the i-th unknown one, one right after the other
     * (which goes first alternates), so whatever slows the machine for a moment slows both. Each of the
     * {@link #CALLERS} parallel {@link Caller}s has an emulator, a proxy and copies of the functions of its own, and
     * starts its proxy's random draws from one seed before each request of a pair: one call in ten is delayed at
     * random, and the n-th call of the known request gets the same delay as the n-th call of the unknown one (common
     * random numbers). The comparison then measures the two routes, not the luck of two draws, which moved a p90 of
     * 500 samples by up to 14 ms. A route that made one more call for one side would wait for it, shift that side's
     * draws, and show.
     */
    private Timings race(String route, SlowAws slow, SetUp setUp, Timed known, Timed unknown) throws Exception {
        List<Caller> callers = new ArrayList<>();
        try {
            long[] knownMillis = new long[slow.pairs];
            long[] unknownMillis = new long[slow.pairs];
            List<Callable<Void>> runs = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                Caller caller = new Caller(slow);
                callers.add(caller);
                int firstPair = c;
                setUp.prepare(caller, firstPair);
                runs.add(() -> {
                    // Untimed: the first requests of fresh function copies load what every later one reuses.
                    known.request(caller, firstPair);
                    unknown.request(caller, firstPair);
                    Random seeds = new Random();
                    for (int i = firstPair; i < slow.pairs; i += CALLERS) {
                        long seed = seeds.nextLong();
                        boolean knownFirst = i / CALLERS % 2 == 0;
                        caller.proxy.restartDraws(seed);
                        long first = (knownFirst ? known : unknown).request(caller, i);
                        caller.proxy.restartDraws(seed);
                        long second = (knownFirst ? unknown : known).request(caller, i);
                        knownMillis[i] = knownFirst ? first : second;
                        unknownMillis[i] = knownFirst ? second : first;
                    }
                    return null;
                });
            }
            Parallel.run(CALLERS, runs);
            saveForAnalysis(route + "-" + slow, knownMillis, unknownMillis);
            return new Timings(Arrays.stream(knownMillis).boxed().toList(),
                    Arrays.stream(unknownMillis).boxed().toList());
        } finally {
            callers.forEach(Caller::close);
        }
    }

    /**
     * Every pair's times, in {@code target/timings/}, for whoever wants to see why a run came close to a bound (one
     * line a pair: the known request's ms, the unknown one's).
     */
    private static void saveForAnalysis(String name, long[] knownMillis, long[] unknownMillis) throws IOException {
        StringBuilder lines = new StringBuilder("known_ms,unknown_ms\n");
        for (int i = 0; i < knownMillis.length; i++) {
            lines.append(knownMillis[i]).append(',').append(unknownMillis[i]).append('\n');
        }
        Path directory = Files.createDirectories(Path.of("target", "timings"));
        Files.writeString(directory.resolve(name + ".csv"), lines);
    }

    /** Response times of known and unknown identifiers, in ms. */
    private record Timings(List<Long> known, List<Long> unknown) {

        long difference(int percent) {
            return Math.abs(percentile(known, percent) - percentile(unknown, percent));
        }

        @Override
        public String toString() {
            return String.format("median %d vs %d ms (difference %d), p90 %d vs %d ms (difference %d)",
                    percentile(known, 50), percentile(unknown, 50), difference(50), percentile(known, 90),
                    percentile(unknown, 90), difference(90));
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
