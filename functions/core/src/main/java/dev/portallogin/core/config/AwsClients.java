package dev.portallogin.core.config;

import dev.portallogin.core.adapter.dynamodb.DynamoDbAuditLog;
import dev.portallogin.core.adapter.dynamodb.DynamoDbCustomerDirectory;
import dev.portallogin.core.adapter.dynamodb.DynamoDbLoginStore;
import dev.portallogin.core.adapter.dynamodb.DynamoDbRateLimiter;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one composition root for AWS clients: one lightweight HTTP client, region and credentials from the
 * config (no provider-chain probing in Lambda), the endpoint override when one is configured, standard retries
 * bounded well inside the function timeout. Service clients other than DynamoDB are built by their adapters'
 * factories, so a function's jar needs only the SDK modules it wires.
 */
public final class AwsClients {

    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    private final Config config;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentialsProvider;
    private DynamoDbClient dynamoDb;

    public AwsClients(Config config) {
        this.config = config;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(3))
                .build();
        this.credentialsProvider = config.credentials()
                .<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(credentials(keys)))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    public Config config() {
        return config;
    }

    /** Applies the shared settings to any service client builder and builds the client. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.httpClient(httpClient)
                .region(Region.of(config.region()))
                .credentialsProvider(credentialsProvider)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = build(DynamoDbClient.builder());
        }
        return dynamoDb;
    }

    public DynamoDbCustomerDirectory customerDirectory() {
        return new DynamoDbCustomerDirectory(dynamoDb(), config.directoryTable());
    }

    public DynamoDbLoginStore loginStore() {
        return new DynamoDbLoginStore(dynamoDb(), config.loginTable(), config.directoryTable());
    }

    public DynamoDbAuditLog auditLog() {
        return new DynamoDbAuditLog(dynamoDb(), config.directoryTable());
    }

    public DynamoDbRateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb(), config.loginTable());
    }

    private static AwsCredentials credentials(Config.StaticCredentials c) {
        return c.sessionToken() == null || c.sessionToken().isBlank()
                ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }
}
