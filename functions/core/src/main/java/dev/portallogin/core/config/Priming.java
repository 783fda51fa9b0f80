package dev.portallogin.core.config;

import dev.portallogin.core.adapter.sqs.QueuedMessages;
import dev.portallogin.core.adapter.sqs.SqsDeliveryQueue;
import dev.portallogin.core.domain.CodeRequest;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Digests;
import dev.portallogin.core.domain.EmailAddress;
import dev.portallogin.core.domain.EmailMessage;
import dev.portallogin.core.domain.Language;
import dev.portallogin.core.domain.LoginCode;
import dev.portallogin.core.domain.LoginMessages;
import dev.portallogin.core.domain.OutgoingMessage;
import dev.portallogin.core.domain.PhoneNumber;
import dev.portallogin.core.domain.SourceNetwork;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.http.ApiResponse;
import dev.portallogin.core.http.LambdaEntry;
import dev.portallogin.core.log.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Runs every function's first-request code paths once before a customer's request has to: JSON in and out of a
 * Lambda event, the DynamoDB operations the adapters use, a signed SES/SNS call, email address and phone number
 * validation, the HMAC and digest providers and the message templates; plus the paths of libraries only some
 * functions carry (phone numbers), which those functions name.
 *
 * <p>It runs before Lambda SnapStart takes its snapshot (as an {@code org.crac} resource) so that restored
 * environments start warm, and during init when {@code PRIME_ON_INIT=true} (for provisioned concurrency, and for
 * the benchmark to measure what a primed first request costs). Everything goes through an {@link OfflineHttpClient}
 * with placeholder credentials: no connection is opened (none can be copied into a snapshot), nothing is read from
 * or written to AWS, nothing is sent, and no random value is drawn (the code, token and ids are fixed), so restored
 * copies share nothing that must be unique.
 */
public final class Priming implements Resource {

    private static final Map<String, AttributeValue> KEY =
            Map.of("pk", AttributeValue.fromS("primed"), "sk", AttributeValue.fromS("primed"));
    private static final String EVENT = """
            {"version":"2.0","routeKey":"POST /primed","rawPath":"/primed","rawQueryString":"a=b",
             "headers":{"content-type":"application/json","cookie":"a=b"},
             "requestContext":{"http":{"method":"POST","path":"/primed","sourceIp":"192.0.2.1"},
                               "requestId":"primed"},
             "body":"{\\"storeId\\":\\"primed\\",\\"identifier\\":\\"jane@example.com\\"}",
             "isBase64Encoded":false}""";

    /** Held here because the CRaC context keeps its resources only weakly. */
    private static Priming registered;

    private final Config config;
    private final SdkHttpClient offlineHttp;
    private final List<Runnable> ownPaths;

    Priming(Config config, SdkHttpClient offlineHttp, List<Runnable> ownPaths) {
        this.config = config;
        this.offlineHttp = offlineHttp;
        this.ownPaths = ownPaths;
    }

    /**
     * Lambda's entry: registers priming for the snapshot, primes at once when the config asks for it, and hands the
     * config on to the handler's constructor.
     *
     * @param ownPaths paths of libraries only this function carries, e.g. {@link #phoneNumbers()}
     */
    public static synchronized Config prepare(Config config, Runnable... ownPaths) {
        if (registered == null) {
            registered = new Priming(config, new OfflineHttpClient(), List.of(ownPaths));
            Core.getGlobalContext().register(registered);
            if (config.primeOnInit()) {
                registered.prime();
            }
        }
        return config;
    }

    /**
     * The AWS clients of a handler's Lambda constructor: wired from the environment once per execution environment,
     * with priming {@link #prepare prepared}.
     */
    public static AwsClients lambdaClients(Runnable... ownPaths) {
        return new AwsClients(prepare(Config.fromEnvironment(), ownPaths));
    }

    /** libphonenumber's parsing and metadata, for the functions that read phone numbers. */
    public static void phoneNumbers() {
        PhoneNumber.parse("(415) 555-0142", "US").orElseThrow();
        PhoneNumber.fromE164("+447911123456").orElseThrow();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Priming kept nothing that a restored copy would have to renew.
    }

    /**
     * Runs the paths once; safe to call any number of times. Priming only saves time: when a path fails, the
     * function still starts (and still serves requests), with a warning in its log instead of the "primed" line.
     */
    public void prime() {
        long started = System.nanoTime();
        String failure = null;
        try {
            AwsClients offline = new AwsClients(Config.from(Map.of("AWS_REGION", config.region(),
                    "AWS_ACCESS_KEY_ID", "primed", "AWS_SECRET_ACCESS_KEY", "primed")), offlineHttp);
            lambdaEvents();
            dynamoDbOperations(offline.dynamoDb());
            domain(offline);
            ownPaths.forEach(Runnable::run);
        } catch (RuntimeException | LinkageError failed) {
            failure = failed.getClass().getName();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Log.startRequest("init");
        try {
            if (failure == null) {
                Log.info("primed", "millis", millis);
            } else {
                Log.warn("priming_failed", "millis", millis, "error", failure);
            }
        } finally {
            Log.endRequest();
        }
    }

    private static void lambdaEvents() {
        LambdaEntry.Routes routes = request -> ApiResponse.json(200, Map.of("primed", true, "path", request.path()));
        invoke(EVENT, routes);
        invoke("{\"action\":\"primed\"}", routes);
    }

    private static void invoke(String event, LambdaEntry.Routes routes) {
        try {
            LambdaEntry.handle(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null, routes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void dynamoDbOperations(DynamoDbClient dynamoDb) {
        Map<String, AttributeValue> values = Map.of(":v", AttributeValue.fromN("1"));
        dynamoDb.getItem(request -> request.tableName("primed").key(KEY).consistentRead(true));
        dynamoDb.putItem(request -> request.tableName("primed").item(KEY)
                .conditionExpression("attribute_not_exists(pk)"));
        dynamoDb.updateItem(request -> request.tableName("primed").key(KEY).updateExpression("SET v = :v")
                .expressionAttributeValues(values));
        dynamoDb.deleteItem(request -> request.tableName("primed").key(KEY));
        dynamoDb.query(request -> request.tableName("primed").keyConditionExpression("pk = :v")
                .expressionAttributeValues(values).limit(1));
        dynamoDb.batchGetItem(request -> request.requestItems(Map.of("primed",
                KeysAndAttributes.builder().keys(KEY).consistentRead(true).build())));
        dynamoDb.transactWriteItems(request -> request.clientRequestToken("primed").transactItems(
                TransactWriteItem.builder().put(put -> put.tableName("primed").item(KEY)).build(),
                TransactWriteItem.builder().update(update -> update.tableName("primed").key(KEY)
                        .updateExpression("SET v = :v").expressionAttributeValues(values)).build(),
                TransactWriteItem.builder().delete(delete -> delete.tableName("primed").key(KEY)).build(),
                TransactWriteItem.builder().conditionCheck(check -> check.tableName("primed").key(KEY)
                        .conditionExpression("attribute_exists(pk)")).build()));
    }

    private static void domain(AwsClients offline) {
        Store store = new Store("primed", "Primed Store", "https://portal.example.com", "login@example.com", "US",
                Set.of("US"));
        Customer customer = new Customer("primed", "primed", "jane@example.com", "+14155550142", "Jane", "Doe", false,
                null);
        EmailAddress email = EmailAddress.parse("Jane.Doe@Example.com").orElseThrow();
        LoginCode code = LoginCode.parse("1234", 4).orElseThrow();
        code.hmac(new byte[32], store.storeId(), customer.customerId(), "primed");
        Digests.sha256("primed");
        Duration lifetime = Duration.ofMinutes(10);
        EmailMessage login = LoginMessages.codeAndLink(store, customer, Language.ENGLISH, email, code,
                store.portalUrl() + "/login/magic?token=primed", lifetime, lifetime.multipliedBy(2), Instant.EPOCH);
        offline.mailer().send(login);
        offline.smsSender().send(customer.phoneE164(), "primed");
        OutgoingMessage queued = new OutgoingMessage("primed", "login", Instant.EPOCH.plus(lifetime), login, null);
        SqsDeliveryQueue queue = new SqsDeliveryQueue(offline.signedCall("sqs", "sqs"),
                "https://sqs.us-east-1.amazonaws.com/0/primed");
        queue.enqueue(List.of(QueuedMessages.fromJson(QueuedMessages.toJson(queued)).orElseThrow()));
        CodeRequest request = new CodeRequest("primed", store.storeId(), email.lookupKey(),
                SourceNetwork.of("198.51.100.1").key(), null, Digests.sha256("primed"), Instant.EPOCH,
                Instant.EPOCH.plus(lifetime));
        queue.enqueue(QueuedMessages.requestFromJson(QueuedMessages.toJson(request)).orElseThrow());
        SourceNetwork.of("2001:db8::1");
    }
}
