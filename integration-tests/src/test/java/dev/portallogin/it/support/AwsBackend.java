package dev.portallogin.it.support;

import dev.portallogin.core.adapter.dynamodb.DynamoDbCodeGuesses;
import dev.portallogin.core.adapter.dynamodb.DynamoDbCustomers;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.LocalAws;
import dev.portallogin.tools.MotoServer;
import dev.portallogin.tools.TemplateModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS API the integration tests run against, started once per test JVM, with the resources of
 * {@code template.yaml} created in it. Chosen in this order: the endpoint in {@code AWS_ENDPOINT_URL}; LocalStack
 * through Testcontainers when a Docker engine answers; {@code moto_server} from the PATH. With none of them it
 * fails, saying how to get one: the suite never passes for want of a backend.
 */
public final class AwsBackend {

    private static AwsBackend shared;

    private final String name;
    private final Path projectRoot;
    private final TemplateModel template;
    private final Map<String, String> awsEnvironment;
    private final Map<String, String> physicalIds;
    private final Outbox outbox;
    private final AwsClients aws;

    private final URI endpoint;
    /** The emulator started for this backend alone, stopped by {@link #discard()}; null on a shared endpoint. */
    private MotoServer ownEmulator;
    private DynamoDbClient patientDynamoDb;
    private SqsClient sqs;

    private AwsBackend(String name, URI endpoint, Outbox outbox) throws IOException {
        this.endpoint = endpoint;
        this.name = name;
        this.projectRoot = findProjectRoot();
        this.template = TemplateModel.read(projectRoot.resolve("template.yaml"));
        this.outbox = outbox;
        this.awsEnvironment = Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test");
        this.aws = new AwsClients(Config.from(awsEnvironment));
        // A fresh prefix per run keeps runs apart on a shared endpoint (AWS_ENDPOINT_URL).
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.physicalIds = new LocalAws(aws, prefix).provision(template);
    }

    public static synchronized AwsBackend shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        }
        return shared;
    }

    /**
     * The shared endpoint with tables of their own, for tests that write thousands of items: moto copies a whole
     * table on every transaction (to roll back), so small tables keep heavy tests fast.
     */
    public static AwsBackend isolated() {
        AwsBackend shared = shared();
        try {
            return new AwsBackend(shared.name, shared.endpoint, shared.outbox);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * A backend on an emulator of its own when the suite runs on moto, which answers one request at a time (see
     * {@link MotoServer}): calls made here never wait behind another caller's, so timings measure the calls, not
     * the queue in front of a shared emulator. On another endpoint, {@link #isolated()}. {@link #discard()} stops it.
     */
    public static AwsBackend onAnEmulatorOfItsOwn() {
        AwsBackend shared = shared();
        if (!shared.name.startsWith("moto_server ")) {
            return isolated();
        }
        try {
            MotoServer moto = MotoServer.start();
            AwsBackend own = new AwsBackend("moto_server " + moto.endpoint(), moto.endpoint(),
                    new MotoOutbox(moto.endpoint(), true));
            own.ownEmulator = moto;
            return own;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /**
     * Deletes the tables and queues of an {@link #isolated()} backend, so that a heavy test leaves the emulator as
     * fast as it found it (moto slows down as its state grows).
     */
    public void discard() {
        if (this == shared) {
            throw new IllegalStateException("the shared backend outlives every test");
        }
        if (ownEmulator != null) {
            ownEmulator.close();
            return;
        }
        template.tables().forEach(table -> dynamoDb().deleteTable(request -> request.tableName(
                physicalIds.get(table.logicalId()))));
        template.queues().keySet().forEach(queue -> sqs().deleteQueue(request -> request.queueUrl(
                physicalIds.get(queue))));
    }

    private static AwsBackend start() throws IOException {
        // A new run of the suite: last run's figures and seen secrets are no longer true (LogLeakIT, which runs in a
        // later JVM and needs both, never starts a backend).
        Files.deleteIfExists(Figures.FILE);
        Files.deleteIfExists(SeenSecrets.FILE);
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            URI endpoint = URI.create(configured);
            return new AwsBackend("AWS_ENDPOINT_URL " + endpoint, endpoint, outboxFor(endpoint));
        }
        if (dockerAnswers()) {
            LocalStackContainer localStack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SES,
                            LocalStackContainer.Service.SNS, LocalStackContainer.Service.SECRETSMANAGER);
            localStack.start();
            URI endpoint = localStack.getEndpoint();
            return new AwsBackend("LocalStack " + endpoint, endpoint, new LocalStackOutbox(endpoint));
        }
        if (MotoServer.isInstalled()) {
            MotoServer moto = MotoServer.start();
            return new AwsBackend("moto_server " + moto.endpoint(), moto.endpoint(), new MotoOutbox(moto.endpoint(),
                    true));
        }
        throw new IllegalStateException("No AWS backend for the integration tests. Either set AWS_ENDPOINT_URL to "
                + "an emulator (e.g. moto_server -p 5000, then AWS_ENDPOINT_URL=http://127.0.0.1:5000), start a "
                + "Docker engine so LocalStack can run, or install moto: pip install 'moto[server]'.");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    private static Outbox outboxFor(URI endpoint) {
        try {
            Outbox.get(endpoint.resolve("/moto-api/data.json"));
            return new MotoOutbox(endpoint, false);
        } catch (RuntimeException notMoto) {
            return new LocalStackOutbox(endpoint);
        }
    }

    private static Path findProjectRoot() {
        String configured = System.getProperty("project.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path directory = start.toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("template.yaml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + start);
    }

    public String name() {
        return name;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public TemplateModel template() {
        return template;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Map<String, String> physicalIds() {
        return physicalIds;
    }

    public Map<String, String> awsEnvironment() {
        return awsEnvironment;
    }

    public DynamoDbClient dynamoDb() {
        return aws.dynamoDb();
    }

    /**
     * A client for tests that read whole tables afterwards: the emulator answers a scan of tens of thousands of
     * items more slowly than the functions' 4-second call timeout allows.
     */
    public synchronized DynamoDbClient patientDynamoDb() {
        if (patientDynamoDb == null) {
            patientDynamoDb = DynamoDbClient.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .socketTimeout(Duration.ofMinutes(2)).build())
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
        }
        return patientDynamoDb;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = aws.build(SqsClient.builder());
        }
        return sqs;
    }

    public AwsClients aws() {
        return aws;
    }

    /** The directory as the functions see it, for checking what a test left behind. */
    public DynamoDbCustomers customers() {
        return new DynamoDbCustomers(dynamoDb(), table("DirectoryTable"));
    }

    public DynamoDbCodeGuesses codeGuesses() {
        return new DynamoDbCodeGuesses(dynamoDb(), table("DirectoryTable"));
    }

    public String table(String logicalId) {
        return physicalIds.get(logicalId);
    }

    /** The configuration a function gets: its template environment, resolved, plus the emulator endpoint. */
    public Config configFor(String functionLogicalId, Map<String, String> overrides) {
        return Config.from(environmentFor(functionLogicalId, overrides));
    }

    /** A function's environment: the template's, resolved, the emulator's endpoint, and {@code overrides}. */
    public Map<String, String> environmentFor(String functionLogicalId, Map<String, String> overrides) {
        TemplateModel.Function function = template.function(functionLogicalId)
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionLogicalId));
        Map<String, String> environment = new LinkedHashMap<>(awsEnvironment);
        environment.putAll(template.environment(function, physicalIds));
        environment.putAll(overrides);
        return environment;
    }
}
