package dev.portallogin.tools;

import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.bench.Bench;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** The developer CLI: {@code java -jar tools/target/portal-tools.jar <command> [arguments]}. */
public final class PortalTools {

    private static final String USAGE = """
            usage: java -jar tools/target/portal-tools.jar <command>

              local [--port 3000] [--seed events/seed.json] [--agent ARN]
                          run the HTTP API of template.yaml on localhost against moto_server (started
                          for you) or the endpoint in AWS_ENDPOINT_URL, with tables and demo data;
                          the /admin routes act as --agent (default: the demo stores' support role)
              bench [--starts 10] [--warm 1000] [--only request-code,...] [--java-options "-X..."]
                          start every function's jar as Lambda does (runtime interface client, fresh JVM,
                          one core) against moto_server, beside the floor; writes bench-results.md.
                          --java-options are added to the template's JAVA_TOOL_OPTIONS (to try a flag)
              seed FILE   load stores, customers and subscriptions (format: events/seed.json) into the
                          directory table named by DIRECTORY_TABLE, at AWS_ENDPOINT_URL when set
            """;

    private PortalTools() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "seed" -> seed(rest);
            case "local" -> local(rest);
            case "bench" -> bench(rest);
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }

    private static void local(String[] args) throws Exception {
        int port = 3000;
        Path seed = null;
        String agent = ApiGatewayEmulator.LOCAL_AGENT;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Path.of(args[i + 1]);
                case "--agent" -> agent = args[i + 1];
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        }
        Path root = LocalServer.findProjectRoot();
        String endpoint = System.getenv("AWS_ENDPOINT_URL");
        LocalServer server = LocalServer.start(root, port, seed != null ? seed : root.resolve("events/seed.json"),
                endpoint == null || endpoint.isBlank() ? null : java.net.URI.create(endpoint), agent);
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.print(server.welcome());
        stopped.await();
    }

    private static void bench(String[] args) throws Exception {
        int starts = 10;
        int warm = 1000;
        Set<String> only = Set.of();
        String javaOptions = "";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--starts" -> starts = Integer.parseInt(args[i + 1]);
                case "--warm" -> warm = Integer.parseInt(args[i + 1]);
                case "--only" -> only = Set.of(args[i + 1].split(","));
                case "--java-options" -> javaOptions = args[i + 1];
                default -> {
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
        }
        Path root = LocalServer.findProjectRoot();
        String table = new Bench(root, starts, warm, only, javaOptions).run(root.resolve("bench-results.md"));
        System.out.println(table);
        System.exit(0);
    }

    private static void seed(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Config config = Config.fromEnvironment();
        Seed seed = Seed.read(Path.of(args[0]));
        seed.load(new AwsClients(config).dynamoDb(), config.directoryTable());
        System.out.printf("Loaded %d stores, %d customers, %d subscriptions into %s%n", seed.stores().size(),
                seed.customers().size(), seed.subscriptions().size(), config.directoryTable());
    }
}
