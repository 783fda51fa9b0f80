package dev.portallogin.tools.bench;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.LocalAws;
import dev.portallogin.tools.MotoServer;
import dev.portallogin.tools.Seed;
import dev.portallogin.tools.TemplateModel;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code portal-tools bench}: every function's deployment jar started as Lambda starts it (the real runtime
 * interface client, a fresh JVM each time, pinned to one core) against the emulator, beside a floor that does one
 * DynamoDB GetItem. Reports cold start, warm latency, jar size and AWS calls, as ratios to the floor.
 */
public final class Bench {

    /** One function to measure: its template id (or null for the floor), jar, handler and a typical event. */
    record Subject(String name, String logicalId, Path jar, String handler, Path event) {
    }

    /** What was measured of one subject, in milliseconds. */
    record Result(Subject subject, List<Double> init, List<Double> first, List<Double> total, List<Double> warm,
                  long jarBytes, int awsCalls) {
    }

    /** Settings that keep repeated calls representative: no rate limits, no attempt caps, no response floor. */
    private static final Map<String, String> BENCH_ENVIRONMENT = Map.of(
            "IDENTIFIER_RATE_LIMITS", "1000000/1",
            "SOURCE_IP_RATE_LIMITS", "1000000/1",
            "MAX_CODE_ATTEMPTS", "1000000",
            "MAX_CONSECUTIVE_CODE_FAILURES", "1000000",
            "MIN_RESPONSE_MILLIS", "0");

    private final Path root;
    private final int coldStarts;
    private final int warmInvocations;

    public Bench(Path root, int coldStarts, int warmInvocations) {
        this.root = root;
        this.coldStarts = coldStarts;
        this.warmInvocations = warmInvocations;
    }

    public String run(Path output) throws Exception {
        // The JDK's HTTP server otherwise waits on delayed ACKs: ~40 ms per small answer, which is not Lambda's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        TemplateModel template = TemplateModel.read(root.resolve("template.yaml"));
        try (MotoServer moto = MotoServer.start()) {
            Map<String, String> aws = Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_REGION",
                    "us-east-1", "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench");
            AwsClients clients = new AwsClients(Config.from(aws));
            LocalAws localAws = new LocalAws(clients, "portal-bench-");
            Map<String, String> physicalIds = localAws.provision(template);
            Seed seed = Seed.read(root.resolve("events/seed.json"));
            localAws.verifySenderDomains(seed.senderDomains());
            seed.load(clients.dynamoDb(), physicalIds.get("DirectoryTable"));

            List<Result> results = new ArrayList<>();
            for (Subject subject : subjects(template)) {
                Map<String, String> environment = new LinkedHashMap<>();
                if (subject.logicalId() != null) {
                    environment.putAll(template.environment(template.function(subject.logicalId()).orElseThrow(),
                            physicalIds));
                } else {
                    environment.put("DIRECTORY_TABLE", physicalIds.get("DirectoryTable"));
                    environment.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
                }
                environment.putAll(aws);
                environment.putAll(BENCH_ENVIRONMENT);
                System.out.println("measuring " + subject.name() + " ...");
                results.add(measure(subject, environment, moto.endpoint()));
            }
            String table = BenchReport.table(results, coldStarts, warmInvocations);
            Files.writeString(output, table);
            return table;
        }
    }

    private List<Subject> subjects(TemplateModel template) {
        List<Subject> subjects = new ArrayList<>();
        subjects.add(new Subject("floor (1 GetItem)", null, root.resolve("bench-floor/target/bench-floor.jar"),
                "dev.portallogin.floor.FloorHandler::handleRequest", null));
        Map<String, String> events = Map.of(
                "RequestCodeFunction", "events/request-code-email.json",
                "VerifyLinkFunction", "events/verify-code.json",
                "GenerateMagicLinkFunction", "events/direct/generate-magic-link/by-subscription.json",
                "UpdateEmailFunction", "events/direct/update-email/customer.json");
        for (TemplateModel.Function function : template.functions()) {
            String module = function.codeUri().split("/")[1];
            subjects.add(new Subject(module, function.logicalId(), root.resolve(function.codeUri()),
                    function.handler(), root.resolve(events.get(function.logicalId()))));
        }
        return subjects;
    }

    private Result measure(Subject subject, Map<String, String> environment, URI motoEndpoint) throws Exception {
        String event = subject.event() == null ? "{}" : Files.readString(subject.event());
        List<Double> init = new ArrayList<>();
        List<Double> first = new ArrayList<>();
        List<Double> total = new ArrayList<>();
        for (int start = 0; start < coldStarts; start++) {
            try (RuntimeApi runtime = new RuntimeApi()) {
                long started = System.nanoTime();
                Process process = launch(subject, environment, runtime);
                try {
                    long polled = runtime.awaitFirstPoll(60);
                    runtime.invoke(event, 60);
                    long answered = System.nanoTime();
                    init.add((polled - started) / 1e6);
                    first.add((answered - polled) / 1e6);
                    total.add((answered - started) / 1e6);
                } finally {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        List<Double> warm = new ArrayList<>();
        int awsCalls;
        try (CountingProxy proxy = new CountingProxy(motoEndpoint); RuntimeApi runtime = new RuntimeApi()) {
            Map<String, String> counted = new LinkedHashMap<>(environment);
            counted.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            Process process = launch(subject, counted, runtime);
            try {
                runtime.awaitFirstPoll(60);
                runtime.invoke(event, 60);
                proxy.reset();
                runtime.invoke(event, 60);
                awsCalls = proxy.calls();
            } finally {
                process.destroyForcibly().waitFor();
            }
        }
        try (RuntimeApi runtime = new RuntimeApi()) {
            Process process = launch(subject, environment, runtime);
            try {
                runtime.awaitFirstPoll(60);
                for (int i = 0; i < 50; i++) {
                    runtime.invoke(event, 60);
                }
                for (int i = 0; i < warmInvocations; i++) {
                    long sent = System.nanoTime();
                    runtime.invoke(event, 60);
                    warm.add((System.nanoTime() - sent) / 1e6);
                }
            } finally {
                process.destroyForcibly().waitFor();
            }
        }
        return new Result(subject, init, first, total, warm, Files.size(subject.jar()), awsCalls);
    }

    /** The function's jar in a fresh JVM under the runtime interface client, pinned to core 0 (about 1 vCPU). */
    private Process launch(Subject subject, Map<String, String> environment, RuntimeApi runtime) throws IOException {
        String classpath;
        try (Stream<Path> runtimeJars = Files.list(root.resolve("tools/target/lambda-runtime"))) {
            classpath = Stream.concat(Stream.of(subject.jar()), runtimeJars.sorted())
                    .map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", subject.handler()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", subject.name());
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("_HANDLER", subject.handler());
        return builder.start();
    }
}
