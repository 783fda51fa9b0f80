package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.http.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Property-based bad input (jqwik): 10,000 generated inputs per route and per direct payload. Every answer is a
 * status and error code from the contract (or success where the input happens to be valid), never a 5xx, and
 * afterwards the tables hold only items of the documented shapes.
 */
class BadInputIT {

    private static final int TRIES = 10_000;
    private static final Set<Integer> CONTRACT_STATUSES = Set.of(200, 201, 202, 303, 400, 401, 403, 404, 409, 415,
            422, 429);
    private static final Set<String> CONTRACT_ERRORS = Set.of("invalid_request", "invalid_identifier",
            "unknown_store", "rate_limited", "invalid_code", "invalid_link", "customer_not_found",
            "subscription_not_found", "no_valid_email", "invalid_email", "email_in_use", "not_signed_in", "forbidden",
            "not_found", "unsupported_media_type");
    private static final Map<String, AtomicInteger> TRIED = new ConcurrentHashMap<>();
    private static final AtomicInteger SOURCES = new AtomicInteger();
    /** The support routes tried, whatever ids were put into their paths. */
    private static final Pattern ADMIN_ROUTE =
            Pattern.compile("^/admin/stores/.*/customers((/.*)?/(email|magic-link))?$");

    private static Portal portal;
    private static Store store;
    private static List<Customer> customers;

    @BeforeContainer
    static void aStoreToAimAt() {
        portal = new Portal(AwsBackend.isolated(), Map.of());
        store = portal.newStore("US");
        customers = List.of(portal.newCustomer(store, true), portal.newCustomer(store, false),
                portal.addCustomer(store, "no-email", null, null));
    }

    @AfterContainer
    static void theTablesHoldOnlyDocumentedItems() {
        Pattern id = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
        Pattern sortKey = Pattern.compile("store|customer#" + id + "|subscription#" + id + "|email#[^\\s]+@[^\\s]+"
                + "|phone#\\+[0-9]{6,15}|" + id);
        var directory = portal.backend.patientDynamoDb().scanPaginator(request -> request
                .tableName(portal.backend.table("DirectoryTable"))).items().stream().toList();
        for (Map<String, AttributeValue> item : directory) {
            String pk = item.get("pk").s();
            String sk = item.get("sk").s();
            assertThat(pk.equals("#stores") || pk.startsWith("#principal#arn:aws:iam::") || RecordId.isWellFormed(pk))
                    .as(pk).isTrue();
            assertThat(sortKey.matcher(sk).matches()).as(sk).isTrue();
            if (sk.startsWith("email#")) {
                String owner = item.get("customerId").s();
                var customer = portal.backend.directory().findCustomer(pk, owner).orElseThrow();
                assertThat(customer.email().toLowerCase()).as("owner of " + sk).isEqualTo(sk.substring(6));
            }
        }
        Pattern loginKey = Pattern.compile("login#" + id + "#" + id + "|(link|session)#[A-Za-z0-9_-]{43}"
                + "|rate#[A-Za-z0-9_-]{43}(#[0-9]+)?"
                + "|delivered#[0-9a-f-]{36}");
        portal.backend.patientDynamoDb().scanPaginator(request -> request.tableName(portal.backend.table("LoginTable")))
                .items().forEach(item -> assertThat(loginKey.matcher(item.get("pk").s()).matches())
                        .as(item.get("pk").s()).isTrue());
        Pattern auditKey = Pattern.compile("customer#" + id + "#" + id + "|store#" + id);
        portal.backend.patientDynamoDb().scanPaginator(request -> request.tableName(portal.backend.table("AuditTable")))
                .items().forEach(item -> {
                    assertThat(auditKey.matcher(item.get("pk").s()).matches()).as(item.get("pk").s()).isTrue();
                    assertThat(item.get("sk").s()).matches("[0-9]{15}#[0-9a-f]{12}");
                });
        int total = TRIED.values().stream().mapToInt(AtomicInteger::get).sum();
        Figures.record("Bad input: malformed and truncated JSON, wrong types, 1 MB bodies, unicode and RTL, emails "
                        + "with comments and IDN, phones of every length, path traversal, base64 padding games",
                "BadInputIT (jqwik)", String.format("%,d inputs over %d routes and direct payloads (at least %,d "
                        + "each): 0 answers outside the contract, 0 server errors; %,d table items of documented "
                        + "shapes", total, TRIED.size(), TRIES, directory.size()));
    }

    // ---- routes ------------------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void postLoginCode(@ForAll("codeRequests") String body) {
        http("POST", "/login/code", Map.of(), body);
    }

    @Property(tries = TRIES)
    void postLoginVerify(@ForAll("verifyRequests") String body) {
        http("POST", "/login/verify", Map.of(), body);
    }

    @Property(tries = TRIES)
    void postLoginMagic(@ForAll("linkRequests") String body) {
        http("POST", "/login/magic", Map.of(), body);
    }

    @Property(tries = TRIES)
    void getLoginMagic(@ForAll("tokens") String token) {
        HttpResponse answer = http("GET", "/login/magic", Map.of("token", token), null);
        assertThat(answer.status()).isIn(200, 400);
    }

    @Property(tries = TRIES)
    void getSession(@ForAll("tokens") String cookie) {
        http("GET", "/session", Map.of(), null, "__Host-portal_session=" + cookie);
    }

    @Property(tries = TRIES)
    void postAdminMagicLink(@ForAll("pathStoreIds") String storeId, @ForAll("ids") String customerId,
                            @ForAll("agentLinkRequests") String body) {
        http("POST", "/admin/stores/" + storeId + "/customers/" + customerId + "/magic-link", Map.of(), body);
    }

    @Property(tries = TRIES)
    void putAdminEmail(@ForAll("pathStoreIds") String storeId, @ForAll("ids") String customerId,
                       @ForAll("emailRequests") String body) {
        http("PUT", "/admin/stores/" + storeId + "/customers/" + customerId + "/email", Map.of(), body);
    }

    @Property(tries = TRIES)
    void getAdminCustomers(@ForAll("pathStoreIds") String storeId, @ForAll("nasty") String query) {
        http("GET", "/admin/stores/" + storeId + "/customers", Map.of("q", query), null);
    }

    // ---- direct payloads ---------------------------------------------------------------------------------------

    @Property(tries = TRIES)
    void generateMagicLinkPayload(@ForAll("agentLinkPayloads") Map<String, Object> payload) {
        direct("GenerateMagicLinkFunction", payload);
    }

    @Property(tries = TRIES)
    void updateEmailPayload(@ForAll("profilePayloads") Map<String, Object> payload) {
        direct("UpdateEmailFunction", payload);
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    private HttpResponse http(String method, String path, Map<String, String> query, String body) {
        return http(method, path, query, body, null);
    }

    private HttpResponse http(String method, String path, Map<String, String> query, String body, String cookie) {
        String route = path.startsWith("/admin/stores/") ? ADMIN_ROUTE.matcher(path).replaceFirst(match ->
                "/admin/stores/{storeId}/customers" + (match.group(3) == null ? "" : "/{customerId}/" + match.group(3)))
                : path;
        TRIED.computeIfAbsent(method + " " + route, key -> new AtomicInteger()).incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/json"));
        if (cookie != null) {
            headers.put("cookie", cookie);
        }
        int n = SOURCES.incrementAndGet();
        HttpResponse answer = portal.api.handle(new HttpRequest(method, path, query, headers, body,
                "192.0." + (n / 250 % 250) + "." + (n % 250 + 1)));
        assertThat(answer.status()).as(path).isIn(CONTRACT_STATUSES);
        if (answer.status() == 404 && answer.body().contains("Not Found")) {
            return answer;
        }
        String type = answer.header("Content-Type").orElse("");
        if (type.startsWith("application/json")) {
            Map<String, Object> document = document(answer.body());
            if (answer.status() >= 400) {
                assertThat(document.get("error")).as(answer.body()).isIn(CONTRACT_ERRORS);
            }
        }
        assertThat(answer.body()).doesNotContain("Exception", "\tat ");
        return answer;
    }

    @SuppressWarnings("unchecked")
    private void direct(String function, Map<String, Object> payload) {
        TRIED.computeIfAbsent("direct " + function, key -> new AtomicInteger()).incrementAndGet();
        Map<String, Object> answer = (Map<String, Object>) ApiGatewayEmulator.invoke(portal.api.handler(function),
                payload);
        if (answer.containsKey("error")) {
            assertThat(answer.get("error")).as(String.valueOf(answer)).isIn(CONTRACT_ERRORS);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(String body) {
        try {
            return (Map<String, Object>) Json.parse(body);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + body, notJson);
        }
    }

    // ---- generators --------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> nasty() {
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

    @Provide
    Arbitrary<String> pathStoreIds() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(store.storeId())),
                Tuple.of(1, Arbitraries.of("no-such-store", "acme")), Tuple.of(1, nasty()));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(nasty(), Arbitraries.of(customers.get(0).customerId(), customers.get(2).customerId(),
                store.storeId(), "cus-1001"), Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(70));
    }

    private Arbitrary<Object> values() {
        return Arbitraries.oneOf(nasty().map(value -> (Object) value),
                Arbitraries.integers().map(value -> (Object) value),
                Arbitraries.of(true, false).map(value -> (Object) value),
                Arbitraries.just(null),
                nasty().list().ofMaxSize(3).map(value -> (Object) value),
                Arbitraries.maps(nasty(), nasty()).ofMaxSize(2).map(value -> (Object) value));
    }

    /** Documents with the route's fields (each absent, valid or nasty) plus stray ones. */
    private Arbitrary<Map<String, Object>> documents(Map<String, Arbitrary<Object>> fields) {
        List<Arbitrary<Tuple.Tuple2<String, Object>>> entries = new ArrayList<>();
        fields.forEach((name, valid) -> entries.add(Arbitraries.frequencyOf(
                Tuple.of(3, valid), Tuple.of(2, values()), Tuple.of(1, Arbitraries.just(null))).map(value ->
                Tuple.of(name, value))));
        entries.add(Arbitraries.strings().alpha().ofMaxLength(8).flatMap(name -> values().map(value ->
                Tuple.of(name, value))));
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

    /** Bodies: documents as JSON, truncated JSON, other JSON values, raw text, and now and then 1 MB. */
    private Arbitrary<String> bodies(Map<String, Arbitrary<Object>> fields) {
        Arbitrary<String> json = documents(fields).map(Json::write);
        return Arbitraries.frequencyOf(
                Tuple.of(12, json),
                Tuple.of(4, json.flatMap(text -> Arbitraries.integers().between(0, Math.max(0, text.length() - 1))
                        .map(cut -> text.substring(0, cut)))),
                Tuple.of(2, values().map(Json::write)),
                Tuple.of(2, nasty()),
                Tuple.of(1, Arbitraries.of("{\"a\":" + "[".repeat(5000), "{\"storeId\":\"" + "x".repeat(1_048_576)
                        + "\"}", "\uFEFF{}", "null")));
    }

    private Arbitrary<Object> storeIds() {
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(store.storeId())),
                Tuple.of(3, Arbitraries.of("no-such-store", "acme-x")), Tuple.of(1, nasty())).map(value -> value);
    }

    private Arbitrary<Object> identifiers() {
        return Arbitraries.oneOf(Arbitraries.of(customers.get(0).email(), customers.get(0).phoneE164(),
                customers.get(1).email().toUpperCase()), nasty(), Arbitraries.strings().numeric().ofMaxLength(25))
                .map(value -> value);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=")
                        .ofMinLength(40).ofMaxLength(46),
                Arbitraries.strings().withChars("A-_").ofLength(43).map(token -> token.substring(0, 42) + "="),
                nasty());
    }

    @Provide
    Arbitrary<String> codeRequests() {
        return bodies(Map.of("storeId", storeIds(), "identifier", identifiers()));
    }

    @Provide
    Arbitrary<String> verifyRequests() {
        return bodies(Map.of("storeId", storeIds(), "identifier", identifiers(),
                "code", Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(value -> value)));
    }

    @Provide
    Arbitrary<String> linkRequests() {
        return bodies(Map.of("token", tokens().map(value -> value)));
    }

    private Map<String, Arbitrary<Object>> agentLinkFields() {
        return Map.of("storeId", storeIds(), "customerId", ids().map(value -> value),
                "subscriptionId", ids().map(value -> value),
                "agentId", Arbitraries.oneOf(Arbitraries.of("agent-1"), nasty()).map(value -> value),
                "kind", Arbitraries.of("magic", "portal", "MAGIC", "forever").map(value -> value),
                "send", Arbitraries.of(true, false).map(value -> value));
    }

    @Provide
    Arbitrary<String> agentLinkRequests() {
        return bodies(agentLinkFields());
    }

    @Provide
    Arbitrary<Map<String, Object>> agentLinkPayloads() {
        return documents(agentLinkFields());
    }

    @Provide
    Arbitrary<String> emailRequests() {
        return bodies(Map.of("storeId", storeIds(), "email", nasty().map(value -> value),
                "agentId", Arbitraries.of("agent-1").map(value -> value)));
    }

    @Provide
    Arbitrary<Map<String, Object>> profilePayloads() {
        return documents(Map.of("action", Arbitraries.of("update-email", "revoke", "unlock", "audit", "stores",
                        "search", "customer", "drop").map(value -> value), "storeId", storeIds(),
                "customerId", ids().map(value -> value), "email", nasty().map(value -> value),
                "agentId", Arbitraries.of("agent-1").map(value -> value), "q", nasty().map(value -> value)));
    }
}
