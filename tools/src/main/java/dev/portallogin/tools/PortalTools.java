package dev.portallogin.tools;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.bench.Bench;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The developer CLI: {@code java -jar tools/target/portal-tools.jar <command> [options]}; {@code --help} on each. */
@Command(name = "portal-tools", mixinStandardHelpOptions = true, version = "portal-tools",
        description = "Runs, seeds and benchmarks the portal login functions of template.yaml on this machine.",
        subcommands = {PortalTools.Local.class, PortalTools.BenchCommand.class, PortalTools.SeedCommand.class,
                PortalTools.RemoveStoreCommand.class,
                CommandLine.HelpCommand.class})
public final class PortalTools implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The parser with every subcommand. Exit codes: 0 done, 2 a usage error, which prints what was wrong and then the
     * usage of the command it was typed for.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PortalTools());
        commandLine.setParameterExceptionHandler((failure, args) -> {
            CommandLine command = failure.getCommandLine();
            command.getErr().println(failure.getMessage());
            UnmatchedArgumentException.printSuggestions(failure, command.getErr());
            command.getErr().println();
            command.usage(command.getErr());
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: local, bench or seed (or help).");
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = {"Runs the HTTP API of template.yaml on localhost against moto_server (started for you)",
                    "or the endpoint in AWS_ENDPOINT_URL, with tables, queues and demo data.",
                    "Open http://localhost:<port>/login?store=acme; the dashboard is at /dashboard/."})
    static final class Local implements Callable<Integer> {

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "3000",
                description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--seed", paramLabel = "FILE",
                description = "Stores, customers and subscriptions to load (default: events/seed.json).")
        Path seed;

        @Option(names = "--agent", paramLabel = "ARN", defaultValue = ApiGatewayEmulator.LOCAL_AGENT,
                description = "The IAM principal the /admin routes act as (default: the demo stores' support "
                        + "role).")
        String agent;

        @Override
        public Integer call() throws Exception {
            Path root = LocalServer.findProjectRoot();
            String endpoint = System.getenv("AWS_ENDPOINT_URL");
            LocalServer server = LocalServer.start(root, port, seed != null ? seed : root.resolve("events/seed.json"),
                    endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint), agent);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            System.out.print(server.welcome());
            stopped.await();
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = {"Starts every function's jar as Lambda does (runtime interface client, fresh JVM, one",
                    "core) against moto_server, beside the floor, and writes bench-results.md."})
    static final class BenchCommand implements Callable<Integer> {

        @Option(names = "--starts", paramLabel = "N", defaultValue = "10",
                description = "Cold starts per function (default: ${DEFAULT-VALUE}).")
        int starts;

        @Option(names = "--warm", paramLabel = "N", defaultValue = "1000",
                description = "Warm invocations per function (default: ${DEFAULT-VALUE}).")
        int warm;

        @Option(names = "--only", paramLabel = "FUNCTION", split = ",",
                description = "Only these functions, e.g. request-code,verify-link.")
        List<String> only = List.of();

        @Option(names = "--java-options", paramLabel = "OPTIONS", defaultValue = "",
                description = "Added to the template's JAVA_TOOL_OPTIONS, to try a flag.")
        String javaOptions;

        @Override
        public Integer call() throws Exception {
            Path root = LocalServer.findProjectRoot();
            System.out.println(new Bench(root, starts, warm, Set.copyOf(only), javaOptions)
                    .run(root.resolve("bench-results.md")));
            return 0;
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = {"Loads stores, customers and subscriptions (format: events/seed.json) into the",
                    "directory table named by DIRECTORY_TABLE, at AWS_ENDPOINT_URL when set."})
    static final class SeedCommand implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The seed file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            Config config = Config.fromEnvironment();
            Seed seed = Seed.read(file);
            seed.load(new AwsClients(config).dynamoDb(), config.directoryTable());
            System.out.printf("Loaded %d stores, %d customers, %d subscriptions into %s%n", seed.stores().size(),
                    seed.customers().size(), seed.subscriptions().size(), config.directoryTable());
            return 0;
        }
    }

    @Command(name = "remove-store", mixinStandardHelpOptions = true,
            description = {"Deletes a store and every support principal's grant to it, in one transaction, from the",
                    "directory table named by DIRECTORY_TABLE, at AWS_ENDPOINT_URL when set."})
    static final class RemoveStoreCommand implements Callable<Integer> {

        @Parameters(paramLabel = "STORE_ID", description = "The store to delete.")
        String storeId;

        @Override
        public Integer call() {
            Config config = Config.fromEnvironment();
            if (!Seed.removeStore(new AwsClients(config).dynamoDb(), config.directoryTable(), storeId)) {
                System.err.printf("No store %s in %s%n", storeId, config.directoryTable());
                return 1;
            }
            System.out.printf("Removed store %s and its grants from %s%n", storeId, config.directoryTable());
            return 0;
        }
    }
}
