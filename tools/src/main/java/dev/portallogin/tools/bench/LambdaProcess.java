package dev.portallogin.tools.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A function's deployment jar running as Lambda runs it: a fresh JVM under the real runtime interface client
 * (copied to {@code tools/target/lambda-runtime} by the build), pinned to one core (about a 1,024 MB function)
 * when {@code taskset} exists, fed events through a local {@link RuntimeApi}.
 */
public final class LambdaProcess implements AutoCloseable {

    private final RuntimeApi runtime;
    private final long startedAt;
    private final Process process;

    private LambdaProcess(RuntimeApi runtime, long startedAt, Process process) {
        this.runtime = runtime;
        this.startedAt = startedAt;
        this.process = process;
    }

    /**
     * @param root        the project root (for the runtime interface client's jars)
     * @param environment the function's environment; nothing else is inherited but PATH
     * @param output      where the function's stdout and stderr go
     */
    public static LambdaProcess start(Path root, Path jar, String handler, String name,
                                      Map<String, String> environment, ProcessBuilder.Redirect output)
            throws IOException {
        String classpath;
        try (Stream<Path> runtimeJars = Files.list(root.resolve("tools/target/lambda-runtime"))) {
            classpath = Stream.concat(Stream.of(jar), runtimeJars.sorted())
                    .map(Path::toString).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/taskset").canExecute()) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        RuntimeApi runtime = new RuntimeApi();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtime.address());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", name);
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("_HANDLER", handler);
        try {
            long startedAt = System.nanoTime();
            return new LambdaProcess(runtime, startedAt, builder.start());
        } catch (IOException | RuntimeException failed) {
            runtime.close();
            throw failed;
        }
    }

    /** System.nanoTime() just before the JVM was started. */
    public long startedAt() {
        return startedAt;
    }

    /** System.nanoTime() of the function's first poll for an event: the end of its init. */
    public long awaitInit(long timeoutSeconds) throws Exception {
        return runtime.awaitFirstPoll(timeoutSeconds);
    }

    /** Hands the function one event and returns what it answered. */
    public String invoke(String event, long timeoutSeconds) throws Exception {
        return runtime.invoke(event, timeoutSeconds);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.destroyForcibly().waitFor();
        } finally {
            runtime.close();
        }
    }
}
