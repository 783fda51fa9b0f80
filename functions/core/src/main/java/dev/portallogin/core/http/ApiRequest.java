package dev.portallogin.core.http;

import dev.portallogin.core.domain.Actor;
import dev.portallogin.core.domain.PortalFailure.Forbidden;
import dev.portallogin.core.domain.PortalFailure.InvalidRequest;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.PortalFailure.UnsupportedMediaType;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.RequestOrigin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parts of an API Gateway HTTP API event (payload format 2.0) the handlers use. */
public record ApiRequest(String method, String path, String routeKey, Map<String, String> headers,
                         Map<String, String> query, Map<String, String> pathParameters, List<String> cookies,
                         String body, String sourceIp, String callerArn) {

    /** True when {@code event} has the shape of an API Gateway v2 event rather than a direct invocation payload. */
    public static boolean isApiGatewayEvent(Map<String, Object> event) {
        return event.get("requestContext") instanceof Map<?, ?> context
                && context.get("http") instanceof Map<?, ?>
                && event.containsKey("rawPath");
    }

    public static ApiRequest from(Map<String, Object> event) {
        Map<String, Object> context = map(event.get("requestContext"));
        Map<String, Object> http = map(context.get("http"));
        Map<String, String> headers = new HashMap<>();
        strings(event.get("headers")).forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        String body = event.get("body") instanceof String text ? text : null;
        if (body != null && Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            body = new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        List<String> cookies = event.get("cookies") instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : headerCookies(headers.get("cookie"));
        return new ApiRequest(
                String.valueOf(http.getOrDefault("method", "GET")).toUpperCase(Locale.ROOT),
                String.valueOf(event.getOrDefault("rawPath", http.getOrDefault("path", "/"))),
                String.valueOf(event.getOrDefault("routeKey", "")),
                Map.copyOf(headers),
                strings(event.get("queryStringParameters")),
                strings(event.get("pathParameters")),
                cookies,
                body,
                http.get("sourceIp") instanceof String ip ? ip : null,
                map(map(context.get("authorizer")).get("iam")).get("userArn") instanceof String arn ? arn : null);
    }

    /**
     * The JSON body of a JSON route. A body of another type is refused: a form or {@code text/plain} post is what a
     * cross-site form can send without the browser asking first, so accepting only JSON keeps those out.
     *
     * @throws UnsupportedMediaType the body is not declared {@code application/json}
     * @throws InvalidRequest       it is missing or not a JSON object
     */
    public RequestBody jsonBody() {
        requireJson();
        return RequestBody.parse(body);
    }

    /** Like {@link #jsonBody()} for a route whose body may be left out: no body reads as an empty object. */
    public RequestBody optionalJsonBody() {
        if (body == null || body.isEmpty()) {
            return RequestBody.of(Map.of());
        }
        return jsonBody();
    }

    private void requireJson() {
        String type = header("content-type").map(value -> value.toLowerCase(Locale.ROOT).strip()).orElse("");
        if (!(type.equals("application/json") || type.startsWith("application/json;"))) {
            throw new UnsupportedMediaType();
        }
    }

    /**
     * The support agent behind a SigV4-signed {@code /admin} request: the IAM principal API Gateway authenticated,
     * with the dashboard's display {@code label} beside it.
     *
     * @throws Forbidden no IAM caller (the route is not IAM-authorised) or one that is not a role or user
     */
    public Actor agent(String label) {
        return PrincipalArn.parse(callerArn).map(principal -> Actor.agent(principal, label))
                .orElseThrow(Forbidden::new);
    }

    /** The site the browser says sent this request ({@code Origin}, {@code Sec-Fetch-Site}). */
    public RequestOrigin origin() {
        return new RequestOrigin(header("origin").orElse(null), header("sec-fetch-site").orElse(null));
    }

    /** A path parameter of the route that must be an id ({@code {storeId}}, {@code {customerId}}…). */
    public String pathId(String name) {
        String id = pathParameters.get(name);
        if (!RecordId.isWellFormed(id)) {
            throw new InvalidRequest("The " + name + " in the path is not a valid id.");
        }
        return id;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> cookie(String name) {
        String prefix = name + "=";
        return cookies.stream()
                .flatMap(cookie -> List.of(cookie.split(";")).stream())
                .map(String::strip)
                .filter(pair -> pair.startsWith(prefix))
                .map(pair -> pair.substring(prefix.length()))
                .findFirst();
    }

    public boolean isFormPost() {
        return header("content-type").map(type -> type.toLowerCase(Locale.ROOT))
                .filter(type -> type.startsWith("application/x-www-form-urlencoded")).isPresent();
    }

    private static List<String> headerCookies(String header) {
        return header == null ? List.of() : List.of(header.split(";"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Map<String, String> strings(Object value) {
        Map<String, String> strings = new HashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, text) -> {
                if (name instanceof String key && text instanceof String string) {
                    strings.put(key, string);
                }
            });
        }
        return Map.copyOf(strings);
    }

    /** Never the body or the cookies: they carry codes, tokens and sessions. */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + "]";
    }
}
