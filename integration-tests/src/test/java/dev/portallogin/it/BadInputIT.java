package dev.portallogin.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.RecordId;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.testing.BadInput;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Property-based bad input (jqwik) through the gateway emulator into the real tables: a sample of the generated
 * inputs per route and per direct payload (the unit layer's {@code *BadInputTest} classes try 10,000 each on
 * in-memory ports, with the same generators). Every answer is a status and error code from the contract (or
 * success where the input happens to be valid), never a 5xx, and afterwards the tables hold only items of the
 * documented shapes.
 */
class BadInputIT {

    private static final int TRIES = 400;
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
                "*BadInputTest (jqwik, unit layer) and BadInputIT", String.format("%,d tries per route and "
                        + "direct payload on in-memory ports, then %,d over %d routes and payloads (at least %,d each) "
                        + "into the real tables: 0 answers outside the contract, 0 server errors; %,d table items of "
                        + "documented shapes", BadInput.TRIES, total, TRIED.size(), TRIES, directory.size()));
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
        assertThat(answer.status()).as(path).isIn(BadInput.CONTRACT_STATUSES);
        if (answer.status() == 404 && answer.body().contains("Not Found")) {
            return answer;
        }
        BadInput.assertWithinContract(path, answer.status(), answer.header("Content-Type").orElse(""),
                answer.body());
        return answer;
    }

    @SuppressWarnings("unchecked")
    private void direct(String function, Map<String, Object> payload) {
        TRIED.computeIfAbsent("direct " + function, key -> new AtomicInteger()).incrementAndGet();
        Map<String, Object> answer = (Map<String, Object>) ApiGatewayEmulator.invoke(portal.api.handler(function),
                payload);
        BadInput.assertDirectWithinContract(answer);
    }

    // ---- generators: the unit layer's, aimed at this test's store and customers ---------------------------------

    @Provide
    Arbitrary<String> nasty() {
        return BadInput.nasty();
    }

    @Provide
    Arbitrary<String> pathStoreIds() {
        return BadInput.pathStoreIds(store.storeId());
    }

    @Provide
    Arbitrary<String> ids() {
        return BadInput.ids(customers.get(0).customerId(), customers.get(2).customerId(), store.storeId(), "cus-1001");
    }

    @Provide
    Arbitrary<String> tokens() {
        return BadInput.tokens();
    }

    @Provide
    Arbitrary<String> codeRequests() {
        return BadInput.bodies(Map.of("storeId", BadInput.storeIds(store.storeId()), "identifier", identifiers()));
    }

    @Provide
    Arbitrary<String> verifyRequests() {
        return BadInput.bodies(Map.of("storeId", BadInput.storeIds(store.storeId()), "identifier", identifiers(),
                "code", Arbitraries.strings().numeric().ofMaxLength(10).map(value -> value)));
    }

    @Provide
    Arbitrary<String> linkRequests() {
        return BadInput.bodies(Map.of("token", BadInput.tokens().map(value -> value)));
    }

    @Provide
    Arbitrary<String> agentLinkRequests() {
        return BadInput.bodies(BadInput.agentLinkFields(store.storeId(), customerIds()));
    }

    @Provide
    Arbitrary<Map<String, Object>> agentLinkPayloads() {
        return BadInput.documents(BadInput.agentLinkFields(store.storeId(), customerIds()));
    }

    @Provide
    Arbitrary<String> emailRequests() {
        return BadInput.bodies(Map.of("storeId", BadInput.storeIds(store.storeId()),
                "email", BadInput.nasty().map(value -> value), "agentId", Arbitraries.of("agent-1").map(value -> value)));
    }

    @Provide
    Arbitrary<Map<String, Object>> profilePayloads() {
        return BadInput.documents(BadInput.profileFields(store.storeId(), customerIds()));
    }

    private static String[] customerIds() {
        return new String[] {customers.get(0).customerId(), customers.get(2).customerId(), "cus-1001"};
    }

    private static Arbitrary<Object> identifiers() {
        return BadInput.identifiers(customers.get(0).email(), customers.get(0).phoneE164(),
                customers.get(1).email().toUpperCase());
    }
}
