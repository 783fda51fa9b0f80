package dev.portallogin.tools;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.http.FormFields;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code portal-tools local}: the whole product on this machine without Docker or the SAM CLI. Uses the AWS
 * endpoint given (or {@code moto_server}, started here); creates the template's tables and secret, seeds the demo
 * data, and serves on one origin: every {@code HttpApi} route of {@code template.yaml} through the handler the
 * template names, the static pages of {@code web/}, and the local outbox of sent mail and SMS.
 */
public final class LocalServer implements AutoCloseable {

    /** Static pages by path; everything else under {@code /assets/} is served from {@code web/assets/}. */
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html",
            "/login", "login.html",
            "/dashboard", "dashboard.html",
            "/outbox", "outbox.html");

    /**
     * What the pages may load: their own scripts, styles and API only. No inline script or style, so a value the
     * pages show can never run; host the pages with the same header (each page repeats its script rule in a meta
     * tag for hosts that cannot set headers).
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data: https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "png", "image/png",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml");

    private final HttpServer server;
    private final ExecutorService executor;
    private final MotoServer moto;
    private final TemplateModel template;
    private final Map<String, String> physicalIds;
    private final URI awsEndpoint;
    private final String agentArn;
    private final List<QueuePoller> pollers;

    private LocalServer(HttpServer server, ExecutorService executor, MotoServer moto, TemplateModel template,
                        Map<String, String> physicalIds, URI awsEndpoint, String agentArn, List<QueuePoller> pollers) {
        this.agentArn = agentArn;
        this.pollers = pollers;
        this.server = server;
        this.executor = executor;
        this.moto = moto;
        this.template = template;
        this.physicalIds = physicalIds;
        this.awsEndpoint = awsEndpoint;
    }

    /**
     * Provisions and starts serving.
     *
     * @param port        0 for any free port
     * @param awsEndpoint the AWS API to use; null starts {@code moto_server}
     */
    public static LocalServer start(Path projectRoot, int port, Path seedFile, URI awsEndpoint) throws IOException {
        return start(projectRoot, port, seedFile, awsEndpoint, ApiGatewayEmulator.LOCAL_AGENT);
    }

    /**
     * @param agentArn the IAM principal the {@code /admin} routes see as the signer of every request (locally nobody
     *                 signs them); the demo stores list {@link ApiGatewayEmulator#LOCAL_AGENT}'s role
     */
    public static LocalServer start(Path projectRoot, int port, Path seedFile, URI awsEndpoint, String agentArn)
            throws IOException {
        MotoServer moto = null;
        if (awsEndpoint == null) {
            if (!MotoServer.isInstalled()) {
                throw new IllegalStateException("No AWS endpoint: set AWS_ENDPOINT_URL (LocalStack, moto or an AWS "
                        + "account) or install moto so that moto_server is on the PATH: pip install 'moto[server]'");
            }
            moto = MotoServer.start();
            awsEndpoint = moto.endpoint();
        }
        Map<String, String> aws = new LinkedHashMap<>();
        aws.put("AWS_ENDPOINT_URL", awsEndpoint.toString());
        aws.put("AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        if (moto != null || System.getenv("AWS_ACCESS_KEY_ID") == null) {
            aws.put("AWS_ACCESS_KEY_ID", "local");
            aws.put("AWS_SECRET_ACCESS_KEY", "local");
        }

        TemplateModel template = TemplateModel.read(projectRoot.resolve("template.yaml"));
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        environment.putAll(aws);
        AwsClients clients = new AwsClients(Config.from(environment));
        LocalAws localAws = new LocalAws(clients, "portal-local-");
        Map<String, String> physicalIds = localAws.provision(template);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        // The demo stores' portal is this server, on whichever port it got: their sign-ins come from here.
        Seed seed = Seed.read(seedFile).servedAt("http://localhost:" + server.getAddress().getPort());
        localAws.verifySenderDomains(seed.senderDomains());
        seed.load(clients.dynamoDb(), physicalIds.get("DirectoryTable"));

        ApiGatewayEmulator api = ApiGatewayEmulator.fromTemplate(template, physicalIds, aws, Clock.systemUTC())
                .actingAs(agentArn);
        URI outbox = outboxSource(awsEndpoint);
        Path web = projectRoot.resolve("web");
        ExecutorService executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, api, web, outbox));
        server.start();
        // Lambda polls the delivery queue for deliver-message; here a poller does, often enough that a code asked
        // for on the login page is in the outbox within a second.
        SqsClient sqs = clients.build(SqsClient.builder());
        List<QueuePoller> pollers = QueuePoller.fromTemplate(template, physicalIds, api, sqs,
                aws.get("AWS_REGION")).stream().map(poller -> poller.start(Duration.ofMillis(100), 2)).toList();
        return new LocalServer(server, executor, moto, template, physicalIds, awsEndpoint, agentArn, pollers);
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** What a newcomer needs to see first. */
    public String welcome() {
        StringBuilder text = new StringBuilder();
        text.append("AWS endpoint: ").append(awsEndpoint).append(moto != null ? " (moto_server, started here)" : "")
                .append('\n');
        text.append("Tables: ").append(physicalIds).append('\n');
        text.append("Support routes act as: ").append(agentArn).append(" (--agent ARN to change)\n");
        text.append("HTTP API routes of template.yaml on ").append(baseUrl()).append(":\n");
        template.routes().forEach(route -> text.append("  ").append(route.routeKey()).append("  ->  ")
                .append(route.functionLogicalId()).append('\n'));
        text.append('\n');
        text.append("Open:\n");
        text.append("  Customer portal login  ").append(baseUrl()).append("/login?store=acme  (English, Spanish, "
                + "French or German, as your browser prefers)\n");
        text.append("                         ").append(baseUrl()).append("/login?store=cafe-lumiere  (French)\n");
        text.append("  Support dashboard      ").append(baseUrl()).append("/dashboard\n");
        text.append("  Local outbox (mail/SMS) ").append(baseUrl()).append("/outbox\n");
        text.append("Demo customers (events/seed.json): acme: jane@example.com, sam.lee@example.net, (415) 555-0142;"
                + " cafe-lumiere: camille@example.fr, 06 12 34 56 78\n");
        text.append("Codes and links arrive in the local outbox (above); nothing is really sent.\n");
        text.append("Press Ctrl-C to stop.\n");
        return text.toString();
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::close);
        server.stop(0);
        executor.shutdownNow();
        if (moto != null) {
            moto.close();
        }
    }

    private static URI outboxSource(URI endpoint) {
        URI light = endpoint.resolve("/_outbox.json");
        try {
            HttpURLConnection connection = (HttpURLConnection) light.toURL().openConnection();
            connection.setConnectTimeout(2000);
            if (connection.getResponseCode() == 200) {
                return light;
            }
        } catch (IOException notThere) {
            // A moto started elsewhere: fall back to its full state dump.
        }
        return endpoint.resolve("/moto-api/data.json");
    }

    private static void serve(HttpExchange exchange, ApiGatewayEmulator api, Path web, URI outbox)
            throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && path.equals("/favicon.ico")) {
                file(exchange, web.resolve("assets/favicon.svg"));
                return;
            }
            if ("GET".equals(method) && PAGES.containsKey(path)) {
                file(exchange, web.resolve(PAGES.get(path)));
                return;
            }
            if ("GET".equals(method) && path.startsWith("/assets/") && !path.contains("..")) {
                file(exchange, web.resolve(path.substring(1)));
                return;
            }
            if ("GET".equals(method) && path.equals("/_local/outbox.json")) {
                try (InputStream body = outbox.toURL().openStream()) {
                    write(exchange, 200, "application/json", body.readAllBytes());
                }
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name, String.join(name.equalsIgnoreCase("cookie") ? "; " : ", ", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpResponse response = api.handle(new HttpRequest(method, path, FormFields.parse(uri.getRawQuery()), headers,
                    body.length == 0 ? null : new String(body, StandardCharsets.UTF_8),
                    exchange.getRemoteAddress().getAddress().getHostAddress()));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            response.cookies().forEach(cookie -> exchange.getResponseHeaders().add("Set-Cookie", cookie));
            byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
            boolean noBody = "HEAD".equals(method) || bytes.length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream output = exchange.getResponseBody()) {
                    output.write(bytes);
                }
            }
        }
    }

    private static void file(HttpExchange exchange, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            write(exchange, 404, "text/plain; charset=utf-8", "Not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String type = CONTENT_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Referrer-Policy", "no-referrer");
        if (name.endsWith(".html")) {
            exchange.getResponseHeaders().add("Content-Security-Policy", PAGE_POLICY);
        }
        write(exchange, 200, type, Files.readAllBytes(file));
    }

    private static void write(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        }
    }

    /** The checkout this command runs in: the nearest folder up with a {@code template.yaml}. */
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
