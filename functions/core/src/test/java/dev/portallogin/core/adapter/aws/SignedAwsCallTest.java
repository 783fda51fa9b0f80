package dev.portallogin.core.adapter.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portallogin.core.adapter.ses.RecipientTag;
import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.adapter.secrets.SecretsManagerSecret;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.testing.SettableClock;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.SmsMessage;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.port.DeliveryException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The hand-built calls must be the calls AWS's generated clients make: same endpoint, operation, signing scope and
 * payload. The emulator accepts unsigned or mis-scoped requests, so this is where a wrong signing name or a
 * misspelt field would show before a real account does.
 */
class SignedAwsCallTest {

    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final RecordingHttpClient http = new RecordingHttpClient();

    private AwsClients aws(String region) {
        return new AwsClients(Config.from(Map.of("AWS_REGION", region, "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret", "CODE_KEY_SECRET_ARN", "arn:aws:secretsmanager:" + region
                        + ":123456789012:secret:code-key", "SES_CONFIGURATION_SET", "portal-login-mail",
                "DELIVERY_QUEUE_URL", "https://sqs." + region + ".amazonaws.com/123456789012/delivery")), http);
    }

    @Test
    void theCodeKeyIsReadAgainAfterFifteenMinutesSoARotationReachesWarmContainers() {
        SettableClock clock = SettableClock.at("2026-11-30T12:00:00Z");
        SecretsManagerSecret key = new SecretsManagerSecret(aws("us-east-1").signedCall("secretsmanager",
                "secretsmanager"), "arn:aws:secretsmanager:us-east-1:123456789012:secret:code-key", clock);
        http.answer(200, "{\"SecretString\":\"before-rotation\"}");
        http.answer(200, "{\"SecretString\":\"after-rotation\"}");

        String first = new String(key.bytes(), StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(14));
        String warm = new String(key.bytes(), StandardCharsets.UTF_8);
        clock.advance(Duration.ofMinutes(1));
        String refreshed = new String(key.bytes(), StandardCharsets.UTF_8);

        assertThat(List.of(first, warm, refreshed)).containsExactly("before-rotation", "before-rotation",
                "after-rotation");
        assertThat(http.sent).hasSize(2);
    }

    @Test
    void sesSendEmailIsTheRequestTheSdkClientSends() {
        AwsClients aws = aws("eu-west-1");
        EmailMessage message = new EmailMessage("acme.store", "cus-1001", "Acme <login@acme.example>",
                EmailAddress.parse("jane@example.com").orElseThrow(), "Your code: 1234", "Hi Jane – 1234", "<p>1234</p>");
        http.answer(200, "{\"MessageId\":\"m-1\"}");

        aws.mailer().send(message);
        aws.build(SesV2Client.builder()).sendEmail(request -> request
                .fromEmailAddress(message.from())
                .configurationSetName("portal-login-mail")
                .emailTags(tag -> tag.name("recipient").value(RecipientTag.encode("acme.store", "cus-1001")))
                .destination(destination -> destination.toAddresses(message.to().value()))
                .content(content -> content.simple(simple -> simple
                        .subject(part -> part.data(message.subject()).charset("UTF-8"))
                        .body(body -> body
                                .text(part -> part.data(message.text()).charset("UTF-8"))
                                .html(part -> part.data(message.html()).charset("UTF-8"))))));

        assertSameCall(http.sent.get(0), http.sent.get(1), "eu-west-1", "ses");
        assertThat(json(http.sent.get(0))).isEqualTo(json(http.sent.get(1)));
    }

    @Test
    void snsPublishIsTheRequestTheSdkClientSends() {
        AwsClients aws = aws("us-east-1");
        http.answer(200, "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>");

        aws.smsSender().send("+15555550100", "Acme: your code is 1234 & valid 10 min");
        aws.build(SnsClient.builder()).publish(request -> request.phoneNumber("+15555550100")
                .message("Acme: your code is 1234 & valid 10 min")
                .messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
                        MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));

        assertSameCall(http.sent.get(0), http.sent.get(1), "us-east-1", "sns");
        assertThat(form(http.sent.get(0))).isEqualTo(form(http.sent.get(1)));
    }

    @Test
    void secretsManagerGetSecretValueIsTheRequestTheSdkClientSends() {
        AwsClients aws = aws("cn-north-1");
        http.answer(200, "{\"Name\":\"code-key\",\"SecretString\":\"0123456789abcdef\"}");

        byte[] key = aws.codeKey().bytes();
        aws.build(SecretsManagerClient.builder()).getSecretValue(request -> request.secretId(aws.config().codeKeySecretArn()));

        assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo("0123456789abcdef");
        assertSameCall(http.sent.get(0), http.sent.get(1), "cn-north-1", "secretsmanager");
        assertThat(http.sent.get(0).httpRequest().host()).endsWith(".amazonaws.com.cn");
        assertThat(json(http.sent.get(0))).isEqualTo(json(http.sent.get(1)));
    }

    @Test
    void sqsSendMessageBatchIsTheRequestTheSdkClientSends() {
        AwsClients aws = aws("eu-central-1");
        OutgoingMessage message = OutgoingMessage.sms("login", new SmsMessage("acme", "cus-1001", "+15555550100",
                "1234 is your code"), Instant.parse("2026-11-26T12:10:00Z"));
        http.answer(200, "{\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"m-1\",\"MD5OfMessageBody\":\""
                + md5(QueuedMessages.toJson(message)) + "\"}],\"Failed\":[]}");

        aws.deliveryQueue().enqueue(List.of(message));
        aws.build(SqsClient.builder()).sendMessageBatch(request -> request
                .queueUrl(aws.config().deliveryQueueUrl())
                .entries(entry -> entry.id("0").messageBody(QueuedMessages.toJson(message))));

        assertSameCall(http.sent.get(0), http.sent.get(1), "eu-central-1", "sqs");
        assertThat(json(http.sent.get(0))).isEqualTo(json(http.sent.get(1)));
        assertThat(QueuedMessages.fromJson(QueuedMessages.toJson(message))).contains(message);
    }

    @Test
    void aBatchWithARefusedEntryFailsAsAWhole() {
        http.answer(200, "{\"Successful\":[],\"Failed\":[{\"Id\":\"0\",\"SenderFault\":false,"
                + "\"Code\":\"InternalError\"}]}");
        OutgoingMessage message = OutgoingMessage.sms("login", new SmsMessage("acme", "c", "+15555550100", "x"),
                Instant.parse("2026-11-26T12:10:00Z"));

        assertThatThrownBy(() -> aws("us-east-1").deliveryQueue().enqueue(List.of(message)))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> assertThat(failure.permanent()).isFalse());
    }

    @Test
    void aRefusalIsNotRetriedKeepsItsAwsErrorCodeAndIsPermanent() {
        http.answer(400, "{\"message\":\"Email address is on the suppression list jane@example.com\"}",
                "x-amzn-ErrorType", "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/");
        EmailMessage message = new EmailMessage("acme", "c", "login@acme.example",
                EmailAddress.parse("jane@example.com").orElseThrow(), "s", "t", "h");

        assertThatThrownBy(() -> aws("us-east-1").mailer().send(message))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> assertThat(failure.permanent()).isTrue())
                .cause().isInstanceOfSatisfying(AwsServiceException.class, failure -> {
                    assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("MessageRejected");
                    assertThat(failure.statusCode()).isEqualTo(400);
                    assertThat(failure.getMessage()).doesNotContain("jane@example.com");
                });
        assertThat(http.sent).hasSize(1);
    }

    @Test
    void throttlingIsRetriedAndNotPermanent() {
        http.answer(429, "{\"message\":\"Maximum sending rate exceeded.\"}", "x-amzn-ErrorType",
                "TooManyRequestsException");
        EmailMessage message = new EmailMessage("acme", "c", "login@acme.example",
                EmailAddress.parse("jane@example.com").orElseThrow(), "s", "t", "h");

        assertThatThrownBy(() -> aws("us-east-1").mailer().send(message))
                .isInstanceOfSatisfying(DeliveryException.class, failure -> assertThat(failure.permanent()).isFalse());
        assertThat(http.sent).hasSize(3);
    }

    @Test
    void aServerErrorIsRetriedWithinTheStandardAttemptsAndReadFromXml() {
        http.answer(500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code></Error></ErrorResponse>");

        assertThatThrownBy(() -> aws("us-east-1").smsSender().send("+15555550100", "x")).cause()
                .isInstanceOfSatisfying(AwsServiceException.class,
                        failure -> assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("InternalFailure"));
        assertThat(http.sent).hasSize(3);
    }

    @Test
    void aJsonProtocolErrorCodeIsReadFromItsType() {
        http.answer(400, "{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\",\"Message\":\"x\"}");

        assertThatThrownBy(() -> aws("us-east-1").codeKey().bytes())
                .isInstanceOfSatisfying(AwsServiceException.class,
                        failure -> assertThat(failure.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
        assertThat(http.sent).hasSize(1);
    }

    private static void assertSameCall(HttpExecuteRequest ours, HttpExecuteRequest sdks, String region, String service) {
        SdkHttpRequest mine = ours.httpRequest();
        SdkHttpRequest theirs = sdks.httpRequest();
        assertThat(mine.method()).isEqualTo(theirs.method());
        assertThat(mine.getUri().getScheme() + "://" + mine.host() + onTheWire(mine.encodedPath()))
                .isEqualTo(theirs.getUri().getScheme() + "://" + theirs.host() + onTheWire(theirs.encodedPath()));
        for (String header : List.of("Content-Type", "X-Amz-Target")) {
            assertThat(mine.firstMatchingHeader(header)).as(header).isEqualTo(theirs.firstMatchingHeader(header));
        }
        Matcher scope = CREDENTIAL_SCOPE.matcher(mine.firstMatchingHeader("Authorization").orElseThrow());
        assertThat(scope.find()).isTrue();
        assertThat(List.of(scope.group(1), scope.group(2))).isEqualTo(List.of(region, service));
        Matcher sdkScope = CREDENTIAL_SCOPE.matcher(theirs.firstMatchingHeader("Authorization").orElseThrow());
        assertThat(sdkScope.find()).isTrue();
        assertThat(sdkScope.group(1) + "/" + sdkScope.group(2)).isEqualTo(scope.group(1) + "/" + scope.group(2));
    }

    private static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException missing) {
            throw new AssertionError(missing);
        }
    }

    /** An empty path goes out as "/". */
    private static String onTheWire(String path) {
        return path.isEmpty() ? "/" : path;
    }

    private static Object json(HttpExecuteRequest request) {
        try {
            return Json.parse(body(request));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> form(HttpExecuteRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body(request).split("&")) {
            String[] field = pair.split("=", 2);
            fields.put(URLDecoder.decode(field[0], StandardCharsets.UTF_8), URLDecoder.decode(field[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String body(HttpExecuteRequest request) {
        try (InputStream content = request.contentStreamProvider().orElseThrow().newStream()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Records every request and answers with the queued responses (the last one repeats). */
    private static final class RecordingHttpClient implements SdkHttpClient {
        private record Answer(int status, String body, Map<String, List<String>> headers) {
        }

        final List<HttpExecuteRequest> sent = new ArrayList<>();
        private final List<Answer> answers = new ArrayList<>();

        void answer(int status, String body, String... headers) {
            Map<String, List<String>> headerMap = new HashMap<>();
            for (int i = 0; i + 1 < headers.length; i += 2) {
                headerMap.put(headers[i], List.of(headers[i + 1]));
            }
            answers.add(new Answer(status, body, headerMap));
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            sent.add(request);
            Answer answer = answers.size() > 1 ? answers.remove(0) : answers.get(0);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpFullResponse.builder().statusCode(answer.status())
                                    .headers(answer.headers()).build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                            .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
