package dev.portallogin.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.json.Json;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import dev.portallogin.tools.ApiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merchant dashboard's two ways of calling the support functions: the IAM-protected {@code /admin} HTTP routes,
 * and direct Lambda invocation with the request as the whole payload. Both get the same JSON document.
 */
public final class Dashboard {

    public enum CallingStyle { HTTP, DIRECT }

    /** A call's answer: the HTTP status (absent for direct invocations, which have none) and the JSON document. */
    public record Answer(CallingStyle style, int status, Map<String, Object> document) {

        /** Checks the HTTP status where there is one, and that failures carry no other status than intended. */
        public Answer hasStatus(int expected) {
            if (style == CallingStyle.HTTP) {
                assertThat(status).as("HTTP status of %s", document).isEqualTo(expected);
            }
            if (expected >= 400) {
                assertThat(document).containsKeys("error", "message");
            } else {
                assertThat(document).doesNotContainKey("error");
            }
            return this;
        }

        public Answer hasError(int expectedStatus, String error) {
            hasStatus(expectedStatus);
            assertThat(document).containsEntry("error", error);
            return this;
        }

        public Answer {
            if (document.get("url") instanceof String url && url.contains("token=")) {
                SeenSecrets.note("token", token(url));
            }
        }

        public String string(String field) {
            return (String) document.get(field);
        }
    }

    private final Portal portal;
    private final CallingStyle style;

    /** A request document from alternating names and values. */
    public static Map<String, Object> request(Object... namesAndValues) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return request;
    }

    /** The token of a magic-link URL. */
    public static String token(String url) {
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    public Dashboard(Portal portal, CallingStyle style) {
        this.portal = portal;
        this.style = style;
    }

    /**
     * A magic or portal link. {@code request} is the direct payload ({@code storeId}, {@code customerId} or
     * {@code subscriptionId}, {@code agentId}, {@code kind}, {@code send}); over HTTP the store and the customer or
     * subscription go into the path and the rest into the body.
     */
    public Answer magicLink(Map<String, Object> request) {
        if (style == CallingStyle.HTTP) {
            Map<String, Object> body = new LinkedHashMap<>(request);
            String storeId = String.valueOf(body.remove("storeId"));
            Object customerId = body.remove("customerId");
            Object subscriptionId = body.remove("subscriptionId");
            String path = customerId != null
                    ? storePath(storeId) + "/customers/" + customerId + "/magic-link"
                    : storePath(storeId) + "/subscriptions/" + subscriptionId + "/magic-link";
            return answer(portal.post(path, body));
        }
        return direct("GenerateMagicLinkFunction", request);
    }

    public Answer updateEmail(String customerId, Map<String, Object> request) {
        if (style == CallingStyle.HTTP) {
            Map<String, Object> body = new LinkedHashMap<>(request);
            String storeId = String.valueOf(body.remove("storeId"));
            return answer(portal.put(customerPath(storeId, customerId) + "/email", body));
        }
        return direct("UpdateEmailFunction", with(request, "customerId", customerId));
    }

    public Answer revoke(String customerId, Map<String, Object> request) {
        return customerAction("revoke", customerId, request);
    }

    public Answer unlock(String customerId, Map<String, Object> request) {
        return customerAction("unlock", customerId, request);
    }

    private Answer customerAction(String action, String customerId, Map<String, Object> request) {
        if (style == CallingStyle.HTTP) {
            Map<String, Object> body = new LinkedHashMap<>(request);
            String storeId = String.valueOf(body.remove("storeId"));
            return answer(portal.post(customerPath(storeId, customerId) + "/" + action, body));
        }
        return direct("UpdateEmailFunction", with(with(request, "customerId", customerId), "action", action));
    }

    public Answer audit(String storeId, String customerId) {
        if (style == CallingStyle.HTTP) {
            return answer(portal.get(customerPath(storeId, customerId) + "/audit", Map.of()));
        }
        return direct("SupportLookupFunction", Map.of("action", "audit", "storeId", storeId, "customerId", customerId));
    }

    public Answer stores() {
        if (style == CallingStyle.HTTP) {
            return answer(portal.get("/admin/stores", Map.of()));
        }
        return direct("SupportLookupFunction", Map.of("action", "stores"));
    }

    public Answer search(String storeId, String query) {
        if (style == CallingStyle.HTTP) {
            return answer(portal.get(storePath(storeId) + "/customers", Map.of("q", query)));
        }
        return direct("SupportLookupFunction", Map.of("action", "search", "storeId", storeId, "q", query));
    }

    public Answer customer(String storeId, String customerId) {
        if (style == CallingStyle.HTTP) {
            return answer(portal.get(customerPath(storeId, customerId), Map.of()));
        }
        return direct("SupportLookupFunction", Map.of("action", "customer", "storeId", storeId,
                "customerId", customerId));
    }

    /** The path of a store's support routes. */
    public static String storePath(String storeId) {
        return "/admin/stores/" + storeId;
    }

    /** The path of a customer's support routes. */
    public static String customerPath(String storeId, String customerId) {
        return storePath(storeId) + "/customers/" + customerId;
    }

    /** Any payload, straight to a function: for what the dashboard should never send. */
    public Answer raw(String function, Map<String, Object> payload) {
        return direct(function, payload);
    }

    private static Map<String, Object> with(Map<String, Object> request, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        copy.put(name, value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Answer direct(String function, Map<String, Object> payload) {
        Object document = ApiGatewayEmulator.invoke(portal.api.handler(function), payload);
        return new Answer(style, 0, (Map<String, Object>) document);
    }

    @SuppressWarnings("unchecked")
    private Answer answer(HttpResponse response) {
        try {
            return new Answer(style, response.status(), (Map<String, Object>) Json.parse(response.body()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
