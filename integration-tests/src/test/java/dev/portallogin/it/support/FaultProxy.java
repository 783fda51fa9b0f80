package dev.portallogin.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of the emulator that answers chosen AWS calls with the errors the real services
 * send (throttling, 500s, rejections) or answers them late, so the SDK's own retry and timeouts meet real faults.
 * Point {@code AWS_ENDPOINT_URL} at {@link #endpoint()}.
 */
public final class FaultProxy implements AutoCloseable {

    /** The AWS operation a request calls, e.g. {@code dynamodb:TransactWriteItems}, {@code ses:SendEmail}. */
    private static String operation(HttpExchange exchange, String body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.startsWith("DynamoDB_")) {
            return "dynamodb:" + target.substring(target.indexOf('.') + 1);
        }
        if (target != null && target.startsWith("AmazonSQS.")) {
            return "sqs:" + target.substring(target.indexOf('.') + 1);
        }
        if (target != null && target.startsWith("secretsmanager.")) {
            return "secretsmanager:" + target.substring(target.indexOf('.') + 1);
        }
        if (exchange.getRequestURI().getPath().startsWith("/v2/email/outbound-emails")) {
            return "ses:SendEmail";
        }
        if (body.contains("Action=Publish")) {
            return "sns:Publish";
        }
        return "other";
    }

    /** An error response as the service would send it. */
    public record Failure(int status, Map<String, String> headers, String body) {
        public static Failure dynamoDbThrottling() {
            return new Failure(400, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded\"}");
        }

        public static Failure dynamoDbInternalError() {
            return new Failure(500, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazon.coral.service#InternalFailure\",\"message\":\"internal failure\"}");
        }

        public static Failure secretsManagerInternalError() {
            return new Failure(500, Map.of("Content-Type", "application/x-amz-json-1.1"),
                    "{\"__type\":\"InternalServiceError\",\"message\":\"internal failure\"}");
        }

        public static Failure sqsInternalError() {
            return new Failure(500, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.sqs#InternalError\",\"message\":\"internal failure\"}");
        }

        public static Failure sesThrottling() {
            return new Failure(429, Map.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "TooManyRequestsException"), "{\"message\":\"Maximum sending rate exceeded.\"}");
        }

        public static Failure sesMessageRejected() {
            return new Failure(400, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "MessageRejected"),
                    "{\"message\":\"Email address is on the suppression list\"}");
        }

        public static Failure snsFailure() {
            return new Failure(500, Map.of("Content-Type", "text/xml"), "<ErrorResponse><Error><Type>Receiver</Type>"
                    + "<Code>InternalFailure</Code><Message>internal failure</Message></Error>"
                    + "<RequestId>fault</RequestId></ErrorResponse>");
        }
    }

    private record Rule(Set<String> operations, AtomicInteger remaining, Failure failure, Duration delay,
                        double chance) {

        boolean appliesTo(String operation, Draws draws) {
            return operations.contains(operation) && (chance >= 1 || draws.next() < chance)
                    && remaining.getAndDecrement() > 0;
        }
    }

    /** The random draws of {@link #delaySometimes}: one sequence, drawn in the order the calls arrive. */
    private static final class Draws {
        private Random random = new Random();

        synchronized double next() {
            return random.nextDouble();
        }

        synchronized void restart(long seed) {
            random = new Random(seed);
        }
    }

    /** One AWS call that went through, with the emulator's answer. */
    public record Call(String operation, String request, int status, String response, long millis) {
    }

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();
    private final Draws draws = new Draws();
    private final List<Call> recorded = new CopyOnWriteArrayList<>();
    private volatile boolean recording;

    private FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::forward);
        server.start();
    }

    public static FaultProxy in(URI target) throws IOException {
        return new FaultProxy(target);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls of any of {@code operations} get {@code failure}. */
    public FaultProxy fail(int times, Failure failure, String... operations) {
        rules.add(new Rule(Set.of(operations), new AtomicInteger(times), failure, null, 1));
        return this;
    }

    /** The next {@code times} calls of any of {@code operations} are answered {@code delay} late. */
    public FaultProxy delay(int times, Duration delay, String... operations) {
        rules.add(new Rule(Set.of(operations), new AtomicInteger(times), null, delay, 1));
        return this;
    }

    /** Each call of any of {@code operations} is answered {@code delay} late with probability {@code chance}. */
    public FaultProxy delaySometimes(double chance, Duration delay, String... operations) {
        rules.add(new Rule(Set.of(operations), new AtomicInteger(Integer.MAX_VALUE), null, delay, chance));
        return this;
    }

    /**
     * Starts {@link #delaySometimes}'s random draws again from {@code seed}: after two restarts from one seed, the
     * n-th matching call gets the same delay (or none) both times, whichever caller makes it.
     */
    public void restartDraws(long seed) {
        draws.restart(seed);
    }

    /** Every call of any of {@code operations} is answered {@code delay} late, until {@link #heal()}. */
    public FaultProxy delayAlways(Duration delay, String... operations) {
        return delay(Integer.MAX_VALUE, delay, operations);
    }

    public void heal() {
        rules.clear();
    }

    /** Starts keeping every call that goes through, forgetting those kept before. */
    public void record() {
        recorded.clear();
        recording = true;
    }

    /** The calls kept since {@link #record()}. */
    public List<Call> recorded() {
        return List.copyOf(recorded);
    }

    /** How many calls got a fault so far. */
    public int injected() {
        return injected.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = operation(exchange, new String(body, StandardCharsets.UTF_8));
            Rule rule = rules.stream().filter(candidate -> candidate.appliesTo(operation, draws)).findFirst()
                    .orElse(null);
            if (rule != null) {
                injected.incrementAndGet();
                if (rule.delay() != null) {
                    sleep(rule.delay());
                } else {
                    Failure failure = rule.failure();
                    failure.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                    respond(exchange, failure.status(), failure.body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!Set.of("host", "content-length", "connection", "expect", "transfer-encoding")
                        .contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            long started = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (recording) {
                recorded.add(new Call(operation, new String(body, StandardCharsets.UTF_8), response.statusCode(),
                        new String(response.body(), StandardCharsets.UTF_8), (System.nanoTime() - started) / 1_000_000));
            }
            response.headers().map().forEach((name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", ":status").contains(name)) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            respond(exchange, response.statusCode(), response.body());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
