package dev.portallogin.tools;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.config.AwsClients;
import dev.portallogin.core.config.Config;
import dev.portallogin.core.domain.LoginPolicy;
import dev.portallogin.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What API Gateway (and {@code sam local start-api}) does in front of the functions: matches a request to an
 * {@code HttpApi} route of {@code template.yaml}, builds the payload-format-2.0 event, and calls the handler the
 * template names, constructed with the template's environment. A route or function added to the template is served
 * without code changes.
 */
public final class ApiGatewayEmulator {

    /**
     * An HTTP request as it reaches API Gateway.
     *
     * @param callerArn the IAM principal whose SigV4 signature API Gateway would have checked on an {@code AWS_IAM}
     *                  route, or null for the emulator's default caller
     */
    public record HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                              String body, String sourceIp, String callerArn) {
        public HttpRequest {
            query = query == null ? Map.of() : Map.copyOf(query);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public HttpRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                           String body, String sourceIp) {
            this(method, path, query, headers, body, sourceIp, null);
        }

        /** The same request signed by another principal. */
        public HttpRequest signedBy(String arn) {
            return new HttpRequest(method, path, query, headers, body, sourceIp, arn);
        }
    }

    /** The caller an {@code AWS_IAM} route sees when a request names none: the local agent of the demo data. */
    public static final String LOCAL_AGENT = "arn:aws:sts::123456789012:assumed-role/PortalSupport/local-agent";

    /** The handler's payload-format-2.0 answer. */
    public record HttpResponse(int status, Map<String, String> headers, List<String> cookies, String body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
        }
    }

    private final List<TemplateModel.Route> routes;
    private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    private volatile String defaultCaller = LOCAL_AGENT;

    private ApiGatewayEmulator(List<TemplateModel.Route> routes) {
        this.routes = routes;
    }

    /**
     * The IAM principal {@code AWS_IAM} routes see for requests that name none (locally nobody signs requests;
     * deployed, API Gateway checks the SigV4 signature and passes on its principal), or null for none at all.
     */
    public ApiGatewayEmulator actingAs(String callerArn) {
        this.defaultCaller = callerArn;
        return this;
    }

    /**
     * Builds every function of the template: its handler class, through its {@code (AwsClients, LoginPolicy, Clock)} constructor,
     * with the template's environment resolved against {@code physicalIds}, and {@code overrides} on top (like
     * {@code sam local --env-vars}).
     */
    public static ApiGatewayEmulator fromTemplate(TemplateModel template, Map<String, String> physicalIds,
                                                  Map<String, String> overrides, Clock clock) {
        ApiGatewayEmulator emulator = new ApiGatewayEmulator(template.routes());
        for (TemplateModel.Function function : template.functions()) {
            Map<String, String> environment = new LinkedHashMap<>(template.environment(function, physicalIds));
            environment.putAll(overrides);
            emulator.handlers.put(function.logicalId(), instantiate(function, environment, clock));
        }
        return emulator;
    }

    /** Serves a function's routes with another handler from now on, e.g. one built with a fault injected. */
    public void replace(String functionLogicalId, RequestStreamHandler handler) {
        handlers.put(functionLogicalId, handler);
    }

    public RequestStreamHandler handler(String functionLogicalId) {
        return handlers.get(functionLogicalId);
    }

    /** Routes the request, or answers 404 {"message":"Not Found"} like API Gateway when no route matches. */
    public HttpResponse handle(HttpRequest request) {
        for (TemplateModel.Route route : routes) {
            Optional<Map<String, String>> pathParameters = match(route, request);
            if (pathParameters.isPresent()) {
                String caller = request.callerArn() != null ? request.callerArn() : defaultCaller;
                if ("AWS_IAM".equals(route.authorization()) && caller == null) {
                    // API Gateway answers an unsigned request to an IAM route itself; the function never runs.
                    return new HttpResponse(403, Map.of("Content-Type", "application/json"), List.of(),
                            "{\"message\":\"Forbidden\"}");
                }
                Map<String, Object> event = event(route, request, pathParameters.get(), caller);
                return response(invoke(handlers.get(route.functionLogicalId()), event));
            }
        }
        return new HttpResponse(404, Map.of("Content-Type", "application/json"), List.of(),
                "{\"message\":\"Not Found\"}");
    }

    /** Invokes a handler with any payload, as {@code lambda invoke} or {@code sam local invoke -e} would. */
    public static Object invoke(RequestStreamHandler handler, Object payload) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(payload).getBytes(StandardCharsets.UTF_8)),
                    output, new LocalContext());
            return Json.parse(output.toString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** The function's handler, wired to the clients and the login policy {@code environment} sets. */
    public static RequestStreamHandler instantiate(TemplateModel.Function function, Map<String, String> environment,
                                                   Clock clock) {
        try {
            return (RequestStreamHandler) Class.forName(function.handlerClass())
                    .getConstructor(AwsClients.class, LoginPolicy.class, Clock.class)
                    .newInstance(new AwsClients(Config.from(environment)), LoginPolicy.from(environment), clock);
        } catch (ReflectiveOperationException unusable) {
            throw new IllegalStateException("Cannot construct " + function.handler() + " of " + function.logicalId()
                    + " with (AwsClients, LoginPolicy, Clock): " + unusable, unusable);
        }
    }

    private static Optional<Map<String, String>> match(TemplateModel.Route route, HttpRequest request) {
        boolean methodMatches = route.method().equals("ANY") || route.method().equals(request.method());
        if (!methodMatches) {
            return Optional.empty();
        }
        String[] pattern = route.path().split("/");
        String[] actual = request.path().split("/");
        if (pattern.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                parameters.put(pattern[i].substring(1, pattern[i].length() - 1), decoded(actual[i]));
            } else if (!pattern[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** A path segment decoded; one with broken %-escapes is passed on as it came, for the handler to refuse. */
    private static String decoded(String segment) {
        try {
            return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    private static Map<String, Object> event(TemplateModel.Route route, HttpRequest request,
                                             Map<String, String> pathParameters, String callerArn) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        List<String> cookies = new ArrayList<>();
        Optional.ofNullable(headers.remove("cookie"))
                .ifPresent(header -> List.of(header.split(";")).forEach(cookie -> cookies.add(cookie.strip())));
        Instant now = Instant.now();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp() == null ? "127.0.0.1" : request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        if ("AWS_IAM".equals(route.authorization()) && callerArn != null) {
            // Locally nobody signs requests; API Gateway would have checked the caller's SigV4 signature here and
            // passed on who signed, in this shape.
            Map<String, Object> iam = new LinkedHashMap<>();
            iam.put("accessKey", "ASIALOCALEXAMPLE");
            iam.put("accountId", callerArn.split(":").length > 4 ? callerArn.split(":")[4] : "123456789012");
            iam.put("callerId", "AROALOCALEXAMPLE:local");
            iam.put("cognitoIdentity", null);
            iam.put("principalOrgId", null);
            iam.put("userArn", callerArn);
            iam.put("userId", "AROALOCALEXAMPLE:local");
            context.put("authorizer", Map.of("iam", iam));
        }
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", request.path());
        event.put("rawQueryString", rawQuery(request.query()));
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        if (!request.query().isEmpty()) {
            event.put("queryStringParameters", request.query());
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", context);
        if (request.body() != null) {
            event.put("body", request.body());
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    private static String rawQuery(Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> {
            if (raw.length() > 0) {
                raw.append('&');
            }
            raw.append(java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return raw.toString();
    }

    @SuppressWarnings("unchecked")
    private static HttpResponse response(Object answer) {
        Map<String, Object> document = (Map<String, Object>) answer;
        Map<String, String> headers = new LinkedHashMap<>();
        TemplateModel.map(document.get("headers")).forEach((name, value) -> headers.put(name, String.valueOf(value)));
        List<String> cookies = document.get("cookies") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        return new HttpResponse(((Number) document.get("statusCode")).intValue(), headers, cookies,
                (String) document.get("body"));
    }

    /** The Lambda context a local invocation gets: a fresh request id and a generous deadline. */
    static final class LocalContext implements Context {
        private final String requestId = UUID.randomUUID().toString();

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/local";
        }

        @Override
        public String getLogStreamName() {
            return "local";
        }

        @Override
        public String getFunctionName() {
            return "local";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:local";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 10_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
