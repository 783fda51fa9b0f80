package dev.portallogin.tools.bench;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.LocalAws;
import dev.portallogin.tools.MotoServer;
import dev.portallogin.tools.Seed;
import dev.portallogin.tools.TemplateModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code portal-tools bench}: every function's deployment jar started as Lambda starts it (the real runtime
 * interface client, a fresh JVM each time, pinned to one core) against the emulator, beside a floor that does one
 * DynamoDB GetItem. Reports cold start, warm latency, jar size and AWS calls, as ratios to the floor.
 */
public final class Bench {

    /**
     * One function to measure: its template id (or null for the floor), jar, handler, a typical event and the
     * environment it runs with.
     */
    record Subject(String name, String logicalId, Path jar, String handler, Path event,
                   Map<String, String> environment) {
    }

    /** Fresh starts of one subject: init, first invocation and their sum, in milliseconds. */
    record ColdStarts(List<Double> init, List<Double> first, List<Double> total) {
    }

    /**
     * Warm invocations of one subject, in milliseconds: each one's time, split into {@code inAws}, the time the
     * emulator spent answering its calls, and {@code own}, the rest: the function's own work, its SDK's and HTTP
     * client's and the local round trips included.
     */
    record Warm(List<Double> total, List<Double> inAws, List<Double> own) {
    }

    /**
     * What was measured of one subject; {@code primed} is null for the floor, which has no priming.
     * {@code floorSameCalls} is the floor making as many GetItem round trips as the subject makes AWS calls.
     */
    record Result(Subject subject, ColdStarts cold, ColdStarts primed, Warm warm, Warm floorSameCalls, long jarBytes,
                  int awsCalls) {
    }

    /** Settings that keep repeated calls representative: no rate limits, no attempt caps. */
    private static final Map<String, String> BENCH_ENVIRONMENT = Map.of(
            "IDENTIFIER_RATE_LIMITS", "1000000/1",
            "SOURCE_IP_RATE_LIMITS", "1000000/1",
            "CUSTOMER_CODE_LIMITS", "1000000/1",
            "VERIFY_IP_RATE_LIMITS", "1000000/1",
            "MAX_CODE_ATTEMPTS", "1000000",
            "MAX_CONSECUTIVE_CODE_FAILURES", "1000000",
            "MAX_CODE_FAILURES_PER_NETWORK", "1000000");

    private final Path root;
    private final int coldStarts;
    private final int warmInvocations;
    private final Set<String> only;
    private final String javaOptions;
    /** Empties the template's queues; set once the emulator runs. */
    private Runnable emptyQueues = () -> { };

    /**
     * @param only        module names to measure beside the floor; empty for all
     * @param javaOptions added to every JVM's JAVA_TOOL_OPTIONS (the floor's too), to try a flag
     */
    public Bench(Path root, int coldStarts, int warmInvocations, Set<String> only, String javaOptions) {
        this.root = root;
        this.coldStarts = coldStarts;
        this.warmInvocations = warmInvocations;
        this.only = only;
        this.javaOptions = javaOptions;
    }

    public String run(Path output) throws Exception {
        // The JDK's HTTP server otherwise waits on delayed ACKs: ~40 ms per small answer, which is not Lambda's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        TemplateModel template = TemplateModel.read(root.resolve("template.yaml"));
        try (MotoServer moto = MotoServer.start()) {
            Map<String, String> aws = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION",
                    "us-east-1", "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench");
            return run(output, template, moto, aws);
        }
    }

    private String run(Path output, TemplateModel template, MotoServer moto, Map<String, String> aws)
            throws Exception {
        AwsClients clients = new AwsClients(Config.from(aws));
        try (SqsClient sqs = clients.build(SqsClient.builder())) {
            LocalAws localAws = new LocalAws(clients, "portal-bench-");
            Map<String, String> physicalIds = localAws.provision(template);
            Seed seed = Seed.read(root.resolve("events/seed.json"));
            localAws.verifySenderDomains(seed.senderDomains());
            seed.load(clients.dynamoDb(), physicalIds.get("DirectoryTable"));
            List<String> queueUrls = template.queues().keySet().stream().map(physicalIds::get).toList();
            emptyQueues = () -> queueUrls.forEach(url -> sqs.purgeQueue(request -> request.queueUrl(url)));

            List<Subject> subjects = subjects(template, physicalIds, aws);
            Subject floor = subjects.get(0);
            List<Result> results = new ArrayList<>();
            for (Subject subject : subjects) {
                System.out.println("measuring " + subject.name() + " ...");
                results.add(measure(subject, floor, moto));
            }
            String table = BenchReport.table(results, coldStarts, warmInvocations);
            Files.writeString(output, table);
            return table;
        }
    }

    private List<Subject> subjects(TemplateModel template, Map<String, String> physicalIds,
                                   Map<String, String> aws) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("floor (1 GetItem)", null, root.resolve("bench-floor/target/bench-floor.jar"),
                "dev.portallogin.floor.FloorHandler::handleRequest", null, environment(Map.of(
                        "DIRECTORY_TABLE", physicalIds.get("DirectoryTable"),
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"), aws)));
        Map<String, String> events = Map.of(
                "RequestCodeFunction", "events/request-code-email.json",
                "VerifyLinkFunction", "events/verify-code.json",
                "GenerateMagicLinkFunction", "events/direct/generate-magic-link/by-subscription.json",
                "UpdateEmailFunction", "events/direct/update-email/unlock.json",
                "SupportLookupFunction", "events/direct/support-lookup/customer.json",
                "DeliverMessageFunction", "events/direct/deliver-message/queued-sms.json");
        for (TemplateModel.Function function : template.functions()) {
            String module = function.codeUri().split("/")[1];
            if (!only.isEmpty() && !only.contains(module)) {
                continue;
            }
            subjects.add(new Subject(module, function.logicalId(), root.resolve(function.codeUri()),
                    function.handler(), root.resolve(events.get(function.logicalId())),
                    environment(template.environment(function, physicalIds), aws)));
        }
        return subjects;
    }

    /** A subject's own variables, then the emulator's, the benchmark's settings and any JVM options to try. */
    private Map<String, String> environment(Map<String, String> own, Map<String, String> aws) {
        Map<String, String> environment = new LinkedHashMap<>(own);
        environment.putAll(aws);
        environment.putAll(BENCH_ENVIRONMENT);
        if (!javaOptions.isBlank()) {
            environment.merge("JAVA_TOOL_OPTIONS", javaOptions, (fromTemplate, added) -> fromTemplate + " " + added);
        }
        return environment;
    }

    /**
     * The sample queue message carries a fixed message id, which deliver-message sends once; every invocation gets
     * an id of its own, so each one measures a real send.
     */
    private static final String SAMPLE_MESSAGE_ID = "0b5c0f3e-6f1e-4c9a-9a55-sample000001";

    private static String fresh(String event) {
        return event.replace(SAMPLE_MESSAGE_ID, UUID.randomUUID().toString());
    }

    /**
     * moto's SQS answers {@code SendMessageBatch} in time proportional to the messages its queue holds (measured:
     * 6 ms on an empty queue, 130 ms after 1,000 batches); SQS does not. The queues are emptied before every cold
     * start and every {@value #INVOCATIONS_PER_PURGE} warm invocations, outside the measured time.
     */
    private static final int INVOCATIONS_PER_PURGE = 20;

    private Result measure(Subject subject, Subject floor, MotoServer moto) throws Exception {
        Map<String, String> environment = subject.environment();
        String event = subject.event() == null ? "{}" : Files.readString(subject.event());
        ColdStarts cold = coldStarts(subject, environment, event);
        ColdStarts primed = null;
        if (subject.logicalId() != null) {
            Map<String, String> priming = new LinkedHashMap<>(environment);
            priming.put("PRIME_ON_INIT", "true");
            primed = coldStarts(subject, priming, event);
        }
        int awsCalls;
        try (CountingProxy proxy = new CountingProxy(moto.endpoint())) {
            Map<String, String> counted = new LinkedHashMap<>(environment);
            counted.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            try (LambdaProcess function = launch(subject, counted)) {
                function.awaitInit(60);
                function.invoke(fresh(event), 60);
                emptyQueues.run();
                proxy.reset();
                function.invoke(fresh(event), 60);
                awsCalls = proxy.calls();
            }
        }
        Warm warm = warm(subject, environment, event, moto);
        Warm floorSameCalls = subject == floor ? warm
                : warm(floor, floor.environment(), "{\"getItems\": " + awsCalls + "}", moto);
        return new Result(subject, cold, primed, warm, floorSameCalls, Files.size(subject.jar()), awsCalls);
    }

    private Warm warm(Subject subject, Map<String, String> environment, String event, MotoServer moto)
            throws Exception {
        Warm warm = new Warm(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (LambdaProcess function = launch(subject, environment)) {
            function.awaitInit(60);
            for (int i = 0; i < 50; i++) {
                function.invoke(fresh(event), 60);
            }
            for (int i = 0; i < warmInvocations; i++) {
                if (i % INVOCATIONS_PER_PURGE == 0) {
                    emptyQueues.run();
                }
                String fresh = fresh(event);
                double emulatorBefore = moto.serverMillis();
                long sent = System.nanoTime();
                function.invoke(fresh, 60);
                double total = (System.nanoTime() - sent) / 1e6;
                double inAws = moto.serverMillis() - emulatorBefore;
                warm.total().add(total);
                warm.inAws().add(inAws);
                warm.own().add(total - inAws);
            }
        }
        return warm;
    }

    private ColdStarts coldStarts(Subject subject, Map<String, String> environment, String event) throws Exception {
        List<Double> init = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int start = 0; start < coldStarts; start++) {
            emptyQueues.run();
            try (LambdaProcess function = launch(subject, environment)) {
                long started = function.startedAt();
                long polled = function.awaitInit(60);
                function.invoke(fresh(event), 60);
                long answered = System.nanoTime();
                init.add((polled - started) / 1e6);
                first.add((answered - polled) / 1e6);
                total.add((answered - started) / 1e6);
            }
        }
        return new ColdStarts(init, first, total);
    }

    private LambdaProcess launch(Subject subject, Map<String, String> environment) throws IOException {
        return LambdaProcess.start(root, subject.jar(), subject.handler(), subject.name(), environment,
                ProcessBuilder.Redirect.DISCARD);
    }
}
