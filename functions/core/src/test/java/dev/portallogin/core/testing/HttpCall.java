package dev.portallogin.core.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API Gateway HTTP API (payload 2.0) event, built the way the gateway builds it from the template's route, and
 * sent to a handler's {@code handleRequest} as the Lambda runtime would.
 */
public final class HttpCall {

    private final String routeKey;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String body;
    private String sourceIp = "198.51.100.7";
    private String userArn;

    private HttpCall(String routeKey, String path) {
        this.routeKey = routeKey;
        this.path = path;
    }

    /** A call to {@code path} that the gateway matched to {@code routeKey} ({@code "POST /login/code"}). */
    public static HttpCall to(String routeKey, String path) {
        return new HttpCall(routeKey, path);
    }

    public HttpCall json(Object document) {
        return body("application/json", Json.write(document));
    }

    public HttpCall body(String contentType, String text) {
        headers.put("content-type", contentType);
        this.body = text;
        return this;
    }

    public HttpCall header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpCall query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HttpCall pathParameter(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public HttpCall from(String ip) {
        this.sourceIp = ip;
        return this;
    }

    /** Signed with SigV4 by this IAM principal (the gateway's IAM authorizer puts its ARN in the context). */
    public HttpCall signedBy(String arn) {
        this.userArn = arn;
        return this;
    }

    public Map<String, Object> event() {
        Map<String, Object> http = Map.of("method", routeKey.substring(0, routeKey.indexOf(' ')), "path", path,
                "sourceIp", sourceIp);
        Map<String, Object> context = new LinkedHashMap<>(Map.of("http", http, "requestId", "test-request"));
        if (userArn != null) {
            context.put("authorizer", Map.of("iam", Map.of("userArn", userArn)));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("headers", headers);
        event.put("queryStringParameters", query);
        event.put("pathParameters", pathParameters);
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body);
        }
        return event;
    }

    public Answer sendTo(RequestStreamHandler handler) {
        return Answer.of(invoke(handler, event()));
    }

    /** Invokes {@code handler} with {@code payload} as Lambda would: JSON in, JSON out. */
    public static Map<String, Object> invoke(RequestStreamHandler handler, Map<String, Object> payload) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(payload).getBytes(StandardCharsets.UTF_8)),
                    output, null);
            return object(output.toString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        try {
            return (Map<String, Object>) Json.parse(json);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    /** The gateway's answer: status, headers, cookies, and the body (parsed when it is JSON). */
    public record Answer(int status, Map<String, Object> headers, List<String> cookies, String body) {

        @SuppressWarnings("unchecked")
        static Answer of(Map<String, Object> response) {
            return new Answer(((Number) response.get("statusCode")).intValue(),
                    (Map<String, Object>) response.getOrDefault("headers", Map.of()),
                    (List<String>) response.getOrDefault("cookies", List.of()),
                    (String) response.get("body"));
        }

        public Map<String, Object> json() {
            return object(body);
        }

        /** The {@code error} code of a failure answer. */
        public Object error() {
            return json().get("error");
        }
    }
}
