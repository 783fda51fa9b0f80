package dev.portallogin.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portallogin.core.domain.FailureCode;
import dev.portallogin.core.json.Json;
import dev.portallogin.core.testing.HttpCall.Answer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.portallogin.core.testing.gen.Gen;

/**
 * Hostile input for the bad-input tests, and the check every answer must pass: a status and error code from the
 * contract (or success, where the input happens to be valid), never a 5xx or a stack trace. Each function module
 * runs a fixed corpus ({@link #NASTY}) as parameterized cases, and {@link dev.portallogin.core.testing.gen.Tries}
 * over these generators from a fixed seed, against its handler on in-memory ports.
 */
public final class BadInput {

    /** Generated tries per route and per direct payload in {@code mvn test}; {@code -Dtries.scale} runs more. */
    public static final int TRIES = 1_000;
    /** The answers a caller may get: success, a redirect, or a failure of the caller's (never a 5xx). */
    public static final Set<Integer> CONTRACT_STATUSES = Stream.concat(Stream.of(200, 201, 202, 303),
            Arrays.stream(FailureCode.values()).filter(FailureCode::callersFailure).map(FailureCode::status))
            .collect(Collectors.toUnmodifiableSet());
    public static final Set<String> CONTRACT_ERRORS = Arrays.stream(FailureCode.values())
            .filter(FailureCode::callersFailure).map(FailureCode::error).collect(Collectors.toUnmodifiableSet());

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

    // ---- the fixed corpus ---------------------------------------------------------------------------------------

    /**
     * Text that has broken parsers, lookups and pages elsewhere: path traversal, NUL and direction marks,
     * injections, emoji, an empty and an overlong value, and email and phone shapes just outside the rules.
     */
    public static final List<String> NASTY = List.of("../../etc/passwd", "..", "acme/../x", "%2e%2e%2f",
            "\\\\server\\share", "acme\u0000", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x}", "😀",
            "\uD800", "\u202Eacme", "a".repeat(300), "", " ", "jane(comment)@example.com", "jane@exämple.com",
            "jane@xn--exmple-cua.com", "\"jane doe\"@example.com", "jane@[127.0.0.1]", "jane@example..com",
            "JANE@EXAMPLE.COM", "jane @example.com", "jane@example.com\n", "very." + "long".repeat(70) + "@example.com",
            "+", "+0", "+1" + "9".repeat(30), "00442079460958", "(201) 555-0123", "+12015550123 ext. 9");

    /** Bodies too big or too deep to be worth generating hundreds of times: each route gets them once. */
    public static final List<String> HUGE_BODIES = List.of("{\"a\":" + "[".repeat(5000),
            "{\"storeId\":\"" + "x".repeat(1_048_576) + "\"}", "[" + "{},".repeat(100_000) + "{}]");

    /** Bodies that are not a JSON object: truncated, other JSON values, a byte-order mark, nothing. */
    public static final List<String> NOT_OBJECTS = List.of("\uFEFF{}", "null", "", "{", "[]", "\"text\"", "42",
            "{\"storeId\":", "true");

    // ---- generators --------------------------------------------------------------------------------------------

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=";

    /** Any text: the corpus, random UTF-16 (lone surrogates too), right-to-left text, digits after a plus. */
    public static Gen<String> nasty() {
        return Gen.oneOf(
                Gen.chars('\u0000', '\uFFFF', 80),
                Gen.chars('\u0590', '\u06FF', 40),
                Gen.of(NASTY.toArray(String[]::new)),
                Gen.strings("0123456789", 0, 30).map(digits -> "+" + digits),
                Gen.strings("abcdefghijklmnopqrstuvwxyz.@+-_ ", 1, 40));
    }

    /** Mostly {@code valid}, sometimes an id of nothing, sometimes nasty. */
    public static Gen<String> ids(String... valid) {
        return Gen.oneOf(nasty(), Gen.of(valid), Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789", 1, 70));
    }

    /** A store id in a path: mostly {@code storeId}, else one of no store, else nasty. */
    public static Gen<String> pathStoreIds(String storeId) {
        return Gen.<String>weighted(3, Gen.constant(storeId)).or(1, Gen.of("no-such-store", "acme-x"))
                .or(1, nasty());
    }

    /** A store id in a body: mostly {@code storeId}, so the rest of the body reaches the use case. */
    public static Gen<Object> storeIds(String storeId) {
        return Gen.<Object>weighted(3, Gen.constant(storeId)).or(1, Gen.of("no-such-store", "acme-x"))
                .or(1, nasty());
    }

    /** Emails and phones: sometimes {@code valid} ones, else nasty text or digits. */
    public static Gen<Object> identifiers(String... valid) {
        return Gen.oneOf(Gen.of(valid), nasty(), Gen.strings("0123456789", 0, 25));
    }

    /** Token-like strings of every near-miss shape. */
    public static Gen<String> tokens() {
        return Gen.oneOf(Gen.strings(TOKEN_ALPHABET, 40, 46),
                Gen.strings("A-_", 43, 43).map(token -> token.substring(0, 42) + "="), nasty());
    }

    /** Any JSON value: text, numbers, booleans, null, lists, objects. */
    public static Gen<Object> values() {
        return Gen.oneOf(nasty(), Gen.integers(), Gen.of(true, false), Gen.constant(null), nasty().list(3),
                Gen.maps(nasty(), nasty(), 2));
    }

    /** Documents with a route's fields (each mostly valid, else any value or absent), now and then a stray one. */
    public static Gen<Map<String, Object>> documents(Map<String, Gen<Object>> fields) {
        Map<String, Gen<Object>> sorted = new java.util.TreeMap<>(fields);
        Gen<String> strayNames = Gen.strings("abcdefghijklmnopqrstuvwxyz", 0, 8);
        return random -> {
            Map<String, Object> document = new LinkedHashMap<>();
            sorted.forEach((name, valid) -> {
                Object value = Gen.<Object>weighted(6, valid).or(2, values()).or(1, Gen.constant(null)).next(random);
                if (value != null) {
                    document.put(name, value);
                }
            });
            Object stray = random.nextInt(4) == 0 ? values().next(random) : null;
            if (stray != null) {
                document.put(strayNames.next(random), stray);
            }
            return document;
        };
    }

    /** Bodies: mostly documents as JSON, else truncated JSON, other JSON values, raw text, the non-objects. */
    public static Gen<String> bodies(Map<String, Gen<Object>> fields) {
        Gen<String> json = documents(fields).map(Json::write);
        Gen<String> truncated = random -> {
            String text = json.next(random);
            return text.substring(0, random.nextInt(Math.max(1, text.length())));
        };
        return Gen.<String>weighted(16, json).or(2, truncated).or(1, values().map(Json::write)).or(1, nasty())
                .or(1, Gen.of(NOT_OBJECTS.toArray(String[]::new)));
    }

    /** Fields of a support link request, by HTTP body or direct payload. */
    public static Map<String, Gen<Object>> agentLinkFields(String storeId, String... customerIds) {
        return Map.of("storeId", storeIds(storeId), "customerId", ids(customerIds).any(),
                "subscriptionId", ids(customerIds).any(),
                "agentId", Gen.oneOf(Gen.constant("agent-1"), nasty()).any(),
                "kind", Gen.of("magic", "portal", "MAGIC", "forever").any(),
                "send", Gen.of(true, false).any());
    }

    /** Fields of a support profile action's direct payload. */
    public static Map<String, Gen<Object>> profileFields(String storeId, String... customerIds) {
        return Map.of("action", Gen.of("update-email", "revoke", "unlock", "audit", "stores",
                        "search", "customer", "drop").any(), "storeId", storeIds(storeId),
                "customerId", ids(customerIds).any(), "email", nasty().any(),
                "agentId", Gen.constant("agent-1").any(), "q", nasty().any());
    }
}
