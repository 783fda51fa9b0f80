package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import dev.portallogin.it.support.SeenSecrets;
import dev.portallogin.tools.QueuePoller;
import dev.portallogin.tools.TemplateModel;
import dev.portallogin.tools.bench.LambdaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployment jars themselves, the files {@code sam deploy} uploads, run as Lambda runs them: the real runtime
 * interface client in a fresh JVM, the template's handler and environment, primed at init as SnapStart primes them
 * before its snapshot. A customer signs in with a code and a support agent sends a magic link, each step answered by
 * a different jar. The other suites call the handlers in-process; this one catches what only the jars can get wrong:
 * a class the shade plugin left out, priming that reaches for a library a function does not carry, a signed request
 * to SES, SNS, SQS or Secrets Manager that the real services' wire format would refuse. The delivery queue is drained
 * through deliver-message's jar.
 */
class DeploymentJarsIT {

    private static final AwsBackend BACKEND = AwsBackend.shared();
    private static final Path ROOT = BACKEND.projectRoot();
    private static final Path LOGS = Path.of("target", "lambda-logs");
    private static final Map<String, LambdaProcess> RUNNING = new LinkedHashMap<>();

    private static Portal portal;
    private static Store store;
    private static Customer customer;
    private static Subscription subscription;

    @BeforeAll
    static void startEveryFunctionsJar() throws Exception {
        portal = new Portal();
        store = portal.newStore("US");
        customer = portal.newCustomer(store, true);
        subscription = portal.addSubscription(customer);
        Files.createDirectories(LOGS);
        for (TemplateModel.Function function : BACKEND.template().functions()) {
            Map<String, String> environment = new LinkedHashMap<>(
                    BACKEND.template().environment(function, BACKEND.physicalIds()));
            environment.putAll(BACKEND.awsEnvironment());
            environment.put("PRIME_ON_INIT", "true");
            Path log = LOGS.resolve(module(function) + ".log");
            LambdaProcess process = LambdaProcess.start(ROOT, ROOT.resolve(function.codeUri()), function.handler(),
                    function.logicalId(), environment, ProcessBuilder.Redirect.to(log.toFile()));
            RUNNING.put(module(function), process);
            // One at a time: the runtime interface client unpacks its native library to one fixed file in /tmp
            // (each Lambda sandbox has a /tmp of its own), and JVMs starting together crash loading it.
            process.awaitInit(120);
        }
    }

    @AfterAll
    static void stopAndShowTheirLogs() throws Exception {
        for (Map.Entry<String, LambdaProcess> running : RUNNING.entrySet()) {
            running.getValue().close();
            // Into this class's test output, where LogLeakIT looks for secrets in every function log line.
            Files.readAllLines(LOGS.resolve(running.getKey() + ".log")).forEach(System.out::println);
        }
    }

    @Test
    void aCustomerSignsInWithACodeSentByEmailAndSmsThroughTheJars() throws Exception {
        Map<String, Object> requested = api("request-code", "events/request-code-email.json",
                Map.of("storeId", store.storeId(), "identifier", customer.phoneE164()));
        assertThat(requested.get("statusCode")).as(String.valueOf(requested.get("body"))).isEqualTo(202);
        Outbox sent = deliveredByTheJar();
        List<Outbox.Sms> sms = sent.smsTo(customer.phoneE164());
        assertThat(sms).hasSize(1);
        String code = sms.get(0).code().orElseThrow();
        assertThat(sent.lastEmailTo(customer.email()).code()).as("the same code by email").hasValue(code);

        Map<String, Object> wrong = api("verify-link", "events/verify-code.json", Map.of("storeId", store.storeId(),
                "identifier", customer.email(), "code", code.equals("0000") ? "0001" : "0000"));
        assertThat(wrong.get("statusCode")).isEqualTo(401);
        Map<String, Object> signedIn = api("verify-link", "events/verify-code.json",
                Map.of("storeId", store.storeId(), "identifier", customer.email(), "code", code));
        assertThat(signedIn.get("statusCode")).as(String.valueOf(signedIn.get("body"))).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<String> cookies = (List<String>) signedIn.get("cookies");
        SeenSecrets.noteCookies(cookies);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).contains("HttpOnly").contains("Secure"));
    }

    @Test
    void anAgentLooksACustomerUpAndSendsAMagicLinkThroughTheJars() throws Exception {
        Map<String, Object> profile = direct("support-lookup", Map.of("action", "customer",
                "storeId", store.storeId(), "customerId", customer.customerId()));
        assertThat(profile).as(profile.toString()).doesNotContainKey("error");
        assertThat(Json.write(profile)).contains(subscription.subscriptionId());

        Map<String, Object> sent = direct("generate-magic-link", Map.of("storeId", store.storeId(),
                "subscriptionId", subscription.subscriptionId(), "agentId", "agent-42", "kind", "magic",
                "send", true));
        assertThat(sent).as(sent.toString()).doesNotContainKey("error");
        assertThat(deliveredByTheJar().lastEmailTo(customer.email()).magicLinkToken()).as("the link the agent sent")
                .isPresent();
    }

    @Test
    void everyJarPrimedItsPathsAtInitAndLogsOnlyJsonLines() throws Exception {
        for (String module : RUNNING.keySet()) {
            List<String> lines = Files.readAllLines(LOGS.resolve(module + ".log"));
            assertThat(lines).as(module).anySatisfy(line -> assertThat(line).contains("\"event\":\"primed\""));
            assertThat(lines.stream().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS")))
                    .as(module + ": besides the JVM's note of its options, one JSON object per line")
                    .allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
            assertThat(lines).as(module).noneSatisfy(line -> assertThat(line).contains("\"level\":\"ERROR\""));
        }
    }

    /**
     * The mail and SMS sent once the delivery queue has been drained through deliver-message's jar, invoked with
     * the SQS events Lambda's event source mapping would send it.
     */
    private static Outbox deliveredByTheJar() {
        RequestStreamHandler jar = (input, output, context) -> {
            try {
                output.write(RUNNING.get("deliver-message").invoke(new String(input.readAllBytes(),
                        StandardCharsets.UTF_8), 60).getBytes(StandardCharsets.UTF_8));
            } catch (Exception failed) {
                throw new IOException(failed);
            }
        };
        TemplateModel.QueueSource source = BACKEND.template().queueSources().get(0);
        new QueuePoller(BACKEND.sqs(), BACKEND.physicalIds().get(source.queueLogicalId()), "us-east-1", jar,
                source.batchSize()).drain();
        return BACKEND.outbox();
    }

    /** A sample API Gateway event with this test's body and source address, answered by the module's jar. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> api(String module, String sampleEvent, Map<String, Object> body)
            throws Exception {
        Map<String, Object> event = (Map<String, Object>) Json.parse(Files.readString(ROOT.resolve(sampleEvent)));
        event.put("body", Json.write(body));
        ((Map<String, Object>) ((Map<String, Object>) event.get("requestContext")).get("http"))
                .put("sourceIp", portal.sourceIp());
        return direct(module, event);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> direct(String module, Map<String, Object> payload) throws Exception {
        String answer = RUNNING.get(module).invoke(Json.write(payload), 60);
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(answer);
        assertThat(parsed).as(module + " answered " + answer).doesNotContainKey("errorType");
        return parsed;
    }

    private static String module(TemplateModel.Function function) {
        return function.codeUri().split("/")[1];
    }
}
