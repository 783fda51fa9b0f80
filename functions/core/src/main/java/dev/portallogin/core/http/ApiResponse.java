package dev.portallogin.core.http;

import dev.portallogin.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API Gateway v2 response. Every response, JSON or HTML, carries {@code Cache-Control: no-store} and
 * {@code Referrer-Policy: no-referrer}: they may hold sessions, and pages with tokens must not leak them onwards.
 */
public record ApiResponse(int status, Map<String, String> headers, List<String> cookies, String body) {

    private static Map<String, String> baseHeaders(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        return headers;
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, baseHeaders("application/json"), List.of(), Json.write(body));
    }

    public static ApiResponse html(int status, String body) {
        return new ApiResponse(status, baseHeaders("text/html; charset=utf-8"), List.of(), body);
    }

    public static ApiResponse redirect(String relativeLocation) {
        if (!RelativePath.isSafe(relativeLocation)) {
            throw new IllegalArgumentException("redirects go to relative paths only");
        }
        ApiResponse response = new ApiResponse(303, baseHeaders("text/plain; charset=utf-8"), List.of(), "");
        return response.withHeader("Location", relativeLocation);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(this.headers);
        headers.put(name, value);
        return new ApiResponse(status, headers, cookies, body);
    }

    public ApiResponse withCookie(String cookie) {
        List<String> cookies = new ArrayList<>(this.cookies);
        cookies.add(cookie);
        return new ApiResponse(status, headers, cookies, body);
    }

    /** The same response without a body, for HEAD. */
    public ApiResponse withoutBody() {
        return new ApiResponse(status, headers, cookies, "");
    }

    /** The payload-format-2.0 response document Lambda returns to API Gateway. */
    public Map<String, Object> toEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("statusCode", status);
        event.put("headers", headers);
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }
}
