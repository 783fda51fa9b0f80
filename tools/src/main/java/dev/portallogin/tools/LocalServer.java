package dev.portallogin.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * {@code portal-tools local}: the whole product on this machine without Docker or the SAM CLI. Uses the AWS
 * endpoint in {@code AWS_ENDPOINT_URL} when set, otherwise starts {@code moto_server}; creates the template's
 * tables and secret, seeds the demo data, and serves every {@code HttpApi} route of {@code template.yaml}.
 */
final class LocalServer {

    private LocalServer() {
    }

    static void run(Path projectRoot, int port, Path seedFile) throws Exception {
        Map<String, String> aws = new LinkedHashMap<>();
        MotoServer moto = null;
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            aws.put("AWS_ENDPOINT_URL", configured);
        } else if (MotoServer.isInstalled()) {
            moto = MotoServer.start();
            aws.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
            aws.put("AWS_ACCESS_KEY_ID", "local");
            aws.put("AWS_SECRET_ACCESS_KEY", "local");
        } else {
            throw new IllegalStateException("No AWS endpoint: set AWS_ENDPOINT_URL (LocalStack, moto or an AWS "
                    + "account) or install moto so that moto_server is on the PATH: pip install 'moto[server]'");
        }
        aws.putIfAbsent("AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(aws);

        TemplateModel template = TemplateModel.read(projectRoot.resolve("template.yaml"));
        AwsClients clients = new AwsClients(Config.from(environment));
        LocalAws localAws = new LocalAws(clients, "portal-local-");
        Map<String, String> physicalIds = localAws.provision(template);
        Seed seed = Seed.read(seedFile);
        localAws.verifySenderDomains(seed.senderDomains());
        seed.load(clients.dynamoDb(), physicalIds.get("DirectoryTable"));

        ApiGatewayEmulator api = ApiGatewayEmulator.fromTemplate(template, physicalIds, aws, Clock.systemUTC());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> serve(api, exchange));
        server.start();

        CountDownLatch stopped = new CountDownLatch(1);
        MotoServer startedMoto = moto;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            if (startedMoto != null) {
                startedMoto.close();
            }
            stopped.countDown();
        }));
        System.out.println("AWS endpoint: " + aws.get("AWS_ENDPOINT_URL") + (moto != null ? " (moto_server)" : ""));
        System.out.println("Tables: " + physicalIds);
        System.out.println("HTTP API on http://localhost:" + port + " serving " + template.routes().size()
                + " routes of template.yaml:");
        template.routes().forEach(route -> System.out.println("  " + route.routeKey() + "  ->  "
                + route.functionLogicalId()));
        System.out.println("Try: curl -s -XPOST localhost:" + port + "/login/code -d "
                + "'{\"storeId\":\"acme\",\"identifier\":\"jane@example.com\"}'");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void serve(ApiGatewayEmulator api, HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpResponse response = api.handle(new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(),
                    query(uri.getRawQuery()), headers, body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || bytes.length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream output = exchange.getResponseBody()) {
                    output.write(bytes);
                }
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    static Path findProjectRoot() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("template.yaml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("Run this from the project checkout: template.yaml was not found here or "
                + "in any parent folder");
    }
}
