package dev.portallogin.core.config;

import dev.portallogin.core.adapter.aws.SignedAwsCall;
import dev.portallogin.core.adapter.dynamodb.DynamoDbAuditLog;
import dev.portallogin.core.adapter.dynamodb.DynamoDbCodeGuesses;
import dev.portallogin.core.adapter.dynamodb.DynamoDbCustomerAccounts;
import dev.portallogin.core.adapter.dynamodb.DynamoDbCustomers;
import dev.portallogin.core.adapter.dynamodb.DynamoDbStores;
import dev.portallogin.core.adapter.dynamodb.DynamoDbDeliveryRecords;
import dev.portallogin.core.adapter.dynamodb.DynamoDbLoginStore;
import dev.portallogin.core.adapter.dynamodb.DynamoDbRateLimiter;
import dev.portallogin.core.adapter.dynamodb.DynamoDbSignInContext;
import dev.portallogin.core.adapter.dynamodb.DynamoDbTrustedDevices;
import dev.portallogin.core.adapter.secrets.SecretsManagerSecret;
import dev.portallogin.core.adapter.ses.SesMailer;
import dev.portallogin.core.adapter.sns.SnsSmsSender;
import dev.portallogin.core.adapter.sqs.SqsDeliveryQueue;
import dev.portallogin.core.port.CodeGuessCounter;
import dev.portallogin.core.port.CustomerAccounts;
import dev.portallogin.core.port.Customers;
import dev.portallogin.core.port.Stores;
import dev.portallogin.core.port.OriginSecret;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one composition root for AWS clients: one lightweight HTTP client, region and credentials from the
 * config (no provider-chain probing in Lambda), the endpoint override when one is configured, standard retries
 * bounded well inside the function timeout. DynamoDB gets the SDK's generated client; the services the functions
 * call for one operation only (SES, SNS, Secrets Manager) get a {@link SignedAwsCall} on the same parts, which
 * keeps their generated clients out of the jars and out of the cold start.
 */
public final class AwsClients {

    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(1500);

    private final Config config;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentialsProvider;
    private final RetryStrategy signedCallRetries = AwsRetryStrategy.forRetryMode(RetryMode.STANDARD);
    private DynamoDbClient dynamoDb;

    public AwsClients(Config config) {
        this(config, UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(ATTEMPT_TIMEOUT)
                .build());
    }

    /** The same wiring over another HTTP client, e.g. one that records what would be sent. */
    public AwsClients(Config config, SdkHttpClient httpClient) {
        this.config = config;
        this.httpClient = httpClient;
        this.credentialsProvider = config.credentials()
                .<AwsCredentialsProvider>map(keys -> StaticCredentialsProvider.create(credentials(keys)))
                .orElseGet(() -> config.containerCredentials()
                        ? ContainerCredentialsProvider.builder().build()
                        : DefaultCredentialsProvider.builder().build());
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

    /**
     * One operation's worth of a service without its generated client.
     *
     * @param endpointPrefix the service's host prefix ({@code email} for SES)
     * @param signingName    its SigV4 signing name ({@code ses})
     */
    public SignedAwsCall signedCall(String endpointPrefix, String signingName) {
        return new SignedAwsCall(httpClient, credentialsProvider, signedCallRetries, API_CALL_TIMEOUT,
                config.region(), config.endpoint().orElse(null), endpointPrefix, signingName);
    }

    public Stores stores() {
        return new DynamoDbStores(dynamoDb(), config.directoryTable());
    }

    public Customers customers() {
        return new DynamoDbCustomers(dynamoDb(), config.directoryTable());
    }

    public CustomerAccounts customerAccounts() {
        return new DynamoDbCustomerAccounts(dynamoDb(), config.directoryTable(), config.auditTable());
    }

    public CodeGuessCounter codeGuesses() {
        return new DynamoDbCodeGuesses(dynamoDb(), config.directoryTable());
    }

    public DynamoDbLoginStore loginStore() {
        return new DynamoDbLoginStore(dynamoDb(), config.loginTable(), config.directoryTable(), config.auditTable());
    }

    public DynamoDbAuditLog auditLog() {
        return new DynamoDbAuditLog(dynamoDb(), config.auditTable());
    }

    public DynamoDbRateLimiter rateLimiter() {
        return new DynamoDbRateLimiter(dynamoDb(), config.loginTable());
    }

    public DynamoDbSignInContext signInContext() {
        return new DynamoDbSignInContext(dynamoDb(), config.directoryTable(), config.loginTable());
    }

    public DynamoDbTrustedDevices trustedDevices() {
        return new DynamoDbTrustedDevices(dynamoDb(), config.loginTable());
    }

    public DynamoDbDeliveryRecords deliveryRecords() {
        return new DynamoDbDeliveryRecords(dynamoDb(), config.loginTable());
    }

    /** The queue login messages wait in for {@code deliver-message}: {@code DELIVERY_QUEUE_URL}. */
    public SqsDeliveryQueue deliveryQueue() {
        return new SqsDeliveryQueue(signedCall("sqs", "sqs"), required(config.deliveryQueueUrl(),
                "DELIVERY_QUEUE_URL"));
    }

    /** SES, sending through the configuration set {@code SES_CONFIGURATION_SET} (when set). */
    public SesMailer mailer() {
        return new SesMailer(signedCall("email", "ses"), config.sesConfigurationSet());
    }

    public SnsSmsSender smsSender() {
        return new SnsSmsSender(signedCall("sns", "sns"));
    }

    /** The code HMAC key in Secrets Manager: {@code CODE_KEY_SECRET_ARN}, fetched at its first use. */
    public SecretsManagerSecret codeKey() {
        return new SecretsManagerSecret(signedCall("secretsmanager", "secretsmanager"),
                required(config.codeKeySecretArn(), "CODE_KEY_SECRET_ARN"));
    }

    /**
     * The CloudFront origin secret in Secrets Manager ({@code ORIGIN_VERIFY_SECRET_ARN}), fetched only when a request
     * presents one; with none configured, nothing matches and the per-IP limits count API Gateway's source address.
     */
    public OriginSecret originSecret() {
        String arn = config.originVerifySecretArn();
        if (arn == null || arn.isBlank()) {
            return presented -> false;
        }
        return new SecretsManagerSecret(signedCall("secretsmanager", "secretsmanager"), arn);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    private static AwsCredentials credentials(Config.StaticCredentials c) {
        return c.sessionToken() == null || c.sessionToken().isBlank()
                ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
                : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }
}
