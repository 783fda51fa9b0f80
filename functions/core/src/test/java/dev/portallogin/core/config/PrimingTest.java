package dev.portallogin.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/** Priming runs every AWS path the functions use, and reaches nothing outside the process. */
class PrimingTest {

    @Test
    void primingRunsEveryAwsOperationOffline() {
        List<String> operations = new ArrayList<>();
        OfflineHttpClient offline = new OfflineHttpClient();
        SdkHttpClient recording = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                operations.add(request.httpRequest().firstMatchingHeader("X-Amz-Target")
                        .orElse(request.httpRequest().host() + request.httpRequest().encodedPath()));
                return offline.prepareRequest(request);
            }

            @Override
            public void close() {
            }
        };

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            new Priming(Config.from(Map.of("AWS_REGION", "eu-west-1")), recording, List.of(Priming::phoneNumbers))
                    .prime();
        } finally {
            Log.redirect(System.out);
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).as("every path, the phone numbers' too, ran through")
                .contains("\"event\":\"primed\"").doesNotContain("priming_failed");

        assertThat(operations).containsExactlyInAnyOrder(
                "DynamoDB_20120810.GetItem", "DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem",
                "DynamoDB_20120810.DeleteItem", "DynamoDB_20120810.Query", "DynamoDB_20120810.BatchGetItem",
                "DynamoDB_20120810.TransactWriteItems", "email.eu-west-1.amazonaws.com/v2/email/outbound-emails",
                "sns.eu-west-1.amazonaws.com/", "AmazonSQS.SendMessageBatch", "AmazonSQS.SendMessageBatch");
    }

    @Test
    void primingAtInitOpensNoConnectionEvenWithAnEndpointConfigured() throws IOException {
        try (ServerSocket endpoint = new ServerSocket(0)) {
            endpoint.setSoTimeout(200);
            Config config = Config.from(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + endpoint.getLocalPort(),
                    "AWS_ACCESS_KEY_ID", "real", "AWS_SECRET_ACCESS_KEY", "real", "PRIME_ON_INIT", "true"));

            ByteArrayOutputStream log = new ByteArrayOutputStream();
            Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                assertThat(Priming.prepare(config)).isSameAs(config);
            } finally {
                Log.redirect(System.out);
            }

            assertThat(log.toString(StandardCharsets.UTF_8)).as("the log of init").contains("\"event\":\"primed\"");

            boolean connected;
            try (var accepted = endpoint.accept()) {
                connected = true;
            } catch (SocketTimeoutException none) {
                connected = false;
            }
            assertThat(connected).as("a connection to the configured endpoint").isFalse();
        }
    }

    @Test
    void aPathThatFailsToPrimeLeavesTheFunctionStartingWithAWarning() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log.redirect(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            new Priming(Config.from(Map.of("AWS_REGION", "eu-west-1")), new OfflineHttpClient(), List.of(() -> {
                throw new NoClassDefFoundError("com/google/i18n/phonenumbers/PhoneNumberUtil");
            })).prime();
        } finally {
            Log.redirect(System.out);
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"event\":\"priming_failed\"")
                .contains("java.lang.NoClassDefFoundError").doesNotContain("\"event\":\"primed\"");
    }
}
