package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile input for the property-based bad-input tests (jqwik), and the check every answer must pass: a status and
 * error code from the contract (or success, where the input happens to be valid), never a 5xx or a stack trace.
 * The function modules run these against their handlers on in-memory ports; {@code BadInputIT} runs a sample
 * against the real tables.
 */
public final class BadInput {

    public static final int TRIES = 2_000;
    public static final Set<Integer> CONTRACT_STATUSES = Set.of(200, 201, 202, 303, 400, 401, 403, 404, 409, 415,
            422, 429);
    public static final Set<String> CONTRACT_ERRORS = Set.of("invalid_request", "invalid_identifier",
            "unknown_store", "rate_limited", "invalid_code", "invalid_link", "customer_not_found",
            "subscription_not_found", "no_valid_email", "invalid_email", "email_in_use", "not_signed_in", "forbidden",
            "forbidden_origin", "not_found", "unsupported_media_type");

    private BadInput() {
    }

    /** A route's answer to bad input: from the contract, JSON errors with a documented code, no stack trace. */
    public static void assertWithinContract(String what, int status, String contentType, String body) {
        assertThat(status).as(what).isIn(CONTRACT_STATUSES);
        if (status >= 400 && contentType.startsWith("application/json")) {
            assertThat(document(body).get("error")).as(body).isIn(CONTRACT_ERRORS);
        }
        assertThat(String.valueOf(body)).doesNotContain("Exception", "\tat ");
    }

    public static void assertWithinContract(String what, Answer answer) {
        assertWithinContract(what, answer.status(), String.valueOf(answer.headers().get("Content-Type")),
                answer.body());
    }

    /** Posts {@code body} as JSON to {@code routeKey} (a route without parameters) and holds the answer to it. */
    public static void assertJsonPostWithinContract(RequestStreamHandler handler, String routeKey, String body) {
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        assertWithinContract(body, HttpCall.to(routeKey, path).body("application/json", body).sendTo(handler));
    }

    /** A direct invocation's answer: a document, with a documented error code when it is a failure. */
    public static void assertDirectWithinContract(Map<String, Object> answer) {
        if (answer.containsKey("error")) {
            assertThat(answer.get("error")).as(String.valueOf(answer)).isIn(CONTRACT_ERRORS);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String body) {
        try {
            return (Map<String, Object>) Json.parse(body);
        } catch (Exception notJson) {
            throw new AssertionError("not JSON: " + body, notJson);
        }
    }

    // ---- generators --------------------------------------------------------------------------------------------

    /** Unicode, right-to-left text, path traversal, injections, emails with comments and IDN, phones of any length. */
    public static Arbitrary<String> nasty() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u0590', '\u06FF').withChars('\u202E', '\u200F', '\u0000')
                        .ofMaxLength(40),
                Arbitraries.of("../../etc/passwd", "..", "acme/../x", "%2e%2e%2f", "\\\\server\\share", "acme\u0000",
                        "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "😀", "a".repeat(300), ""),
                Arbitraries.strings().numeric().ofMaxLength(30).map(digits -> "+" + digits),
                Arbitraries.of("jane(comment)@example.com", "jane@exämple.com", "jane@xn--exmple-cua.com",
                        "\"jane doe\"@example.com", "jane@[127.0.0.1]", "jane@example..com", "JANE@EXAMPLE.COM",
                        "jane @example.com", "jane@example.com\n", "very." + "long".repeat(70) + "@example.com"));
    }

    /** Mostly {@code valid}, sometimes an id of nothing, sometimes nasty. */
    public static Arbitrary<String> ids(String... valid) {
        return Arbitraries.oneOf(nasty(), Arbitraries.of(valid),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(70));
    }

    /** A store id in a path: mostly {@code storeId}, else one of no store, else nasty. */
    public static Arbitrary<String> pathStoreIds(String storeId) {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(storeId)),
                Tuple.of(1, Arbitraries.of("no-such-store", "acme-x")), Tuple.of(1, nasty()));
    }

    /** A store id in a body: any JSON value, sometimes {@code storeId}. */
    public static Arbitrary<Object> storeIds(String storeId) {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(storeId)),
                Tuple.of(3, Arbitraries.of("no-such-store", "acme-x")), Tuple.of(1, nasty())).map(value -> value);
    }

    /** Emails and phones: sometimes {@code valid} ones, else nasty text or digits. */
    public static Arbitrary<Object> identifiers(String... valid) {
        return Arbitraries.oneOf(Arbitraries.of(valid), nasty(), Arbitraries.strings().numeric().ofMaxLength(25))
                .map(value -> value);
    }

    /** Token-like strings of every near-miss shape. */
    public static Arbitrary<String> tokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=")
                        .ofMinLength(40).ofMaxLength(46),
                Arbitraries.strings().withChars("A-_").ofLength(43).map(token -> token.substring(0, 42) + "="),
                nasty());
    }

    /** Any JSON value: text, numbers, booleans, null, lists, objects. */
    public static Arbitrary<Object> values() {
        return Arbitraries.oneOf(nasty().map(value -> (Object) value),
                Arbitraries.integers().map(value -> (Object) value),
                Arbitraries.of(true, false).map(value -> (Object) value),
                Arbitraries.just(null),
                nasty().list().ofMaxSize(3).map(value -> (Object) value),
                Arbitraries.maps(nasty(), nasty()).ofMaxSize(2).map(value -> (Object) value));
    }

    /** Documents with a route's fields (each absent, valid or any value) plus stray ones. */
    public static Arbitrary<Map<String, Object>> documents(Map<String, Arbitrary<Object>> fields) {
        List<Arbitrary<Tuple.Tuple2<String, Object>>> entries = new ArrayList<>();
        fields.forEach((name, valid) -> entries.add(Arbitraries.frequencyOf(
                Tuple.of(3, valid), Tuple.of(2, values()), Tuple.of(1, Arbitraries.just(null))).map(value ->
                Tuple.of(name, value))));
        entries.add(Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), values()).as(Tuple::of));
        return Combinators.combine(entries).as(pairs -> {
            Map<String, Object> document = new LinkedHashMap<>();
            pairs.forEach(pair -> {
                if (pair.get2() != null) {
                    document.put(pair.get1(), pair.get2());
                }
            });
            return document;
        });
    }

    /** Bodies too big or too deep to be worth generating ten thousand times: each route gets them once. */
    public static final List<String> HUGE_BODIES = List.of("{\"a\":" + "[".repeat(5000),
            "{\"storeId\":\"" + "x".repeat(1_048_576) + "\"}", "[" + "{},".repeat(100_000) + "{}]");

    /** Bodies: documents as JSON, truncated JSON, other JSON values, raw text, a byte-order mark. */
    public static Arbitrary<String> bodies(Map<String, Arbitrary<Object>> fields) {
        Arbitrary<String> json = documents(fields).map(Json::write);
        return Arbitraries.frequencyOf(
                Tuple.of(12, json),
                Tuple.of(4, Combinators.combine(json, Arbitraries.doubles().between(0, 1)).as((text, where) ->
                        text.substring(0, (int) (where * Math.max(0, text.length() - 1))))),
                Tuple.of(2, values().map(Json::write)),
                Tuple.of(2, nasty()),
                Tuple.of(1, Arbitraries.of("\uFEFF{}", "null", "", "{}")));
    }

    /** Fields of a support link request, by HTTP body or direct payload. */
    public static Map<String, Arbitrary<Object>> agentLinkFields(String storeId, String... customerIds) {
        return Map.of("storeId", storeIds(storeId), "customerId", ids(customerIds).map(value -> value),
                "subscriptionId", ids(customerIds).map(value -> value),
                "agentId", Arbitraries.oneOf(Arbitraries.of("agent-1"), nasty()).map(value -> value),
                "kind", Arbitraries.of("magic", "portal", "MAGIC", "forever").map(value -> value),
                "send", Arbitraries.of(true, false).map(value -> value));
    }

    /** Fields of a support profile action's direct payload. */
    public static Map<String, Arbitrary<Object>> profileFields(String storeId, String... customerIds) {
        return Map.of("action", Arbitraries.of("update-email", "revoke", "unlock", "audit", "stores",
                        "search", "customer", "drop").map(value -> value), "storeId", storeIds(storeId),
                "customerId", ids(customerIds).map(value -> value), "email", nasty().map(value -> value),
                "agentId", Arbitraries.of("agent-1").map(value -> value), "q", nasty().map(value -> value));
    }
}
