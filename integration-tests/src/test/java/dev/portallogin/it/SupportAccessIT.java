package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.adapter.dynamodb.DirectoryItems;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.PrincipalArn;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import dev.portallogin.tools.ApiGatewayEmulator;
import dev.portallogin.tools.Seed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Support routes act on a store only for the IAM principals the store lists: a caller from another store, or one
 * naming a store that does not exist, is refused the same way, on every route.
 */
class SupportAccessIT {

    private static final String ACCOUNT = "123456789012";

    private final Portal portal = new Portal();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String roleA = "arn:aws:iam::" + ACCOUNT + ":role/support/StoreA-" + suffix;
    private final String userB = "arn:aws:iam::" + ACCOUNT + ":user/StoreB-agent-" + suffix;
    private final Store storeA = store("a-" + suffix, roleA);
    private final Store storeB = store("b-" + suffix, userB);
    private final Customer customerB = portal.newCustomer(storeB, true);
    private final String subscriptionB = portal.addSubscription(customerB).subscriptionId();

    private Store store(String storeId, String principal) {
        Store store = new Store(storeId, "Store " + storeId, "https://portal." + storeId + ".example.com",
                "login@" + Portal.SENDER_DOMAIN, "US", Set.of("US"), Set.of(principal));
        new Seed(List.of(store), List.of(), List.of()).load(portal.backend.dynamoDb(),
                portal.backend.table("DirectoryTable"));
        return store;
    }

    /** A session of role A, as an agent signed in through SSO would sign: the role's path is not in it. */
    private String sessionOfRoleA(String name) {
        return "arn:aws:sts::" + ACCOUNT + ":assumed-role/StoreA-" + suffix + "/" + name;
    }

    /** Every support route, aimed at {@code storeId}, with the customer and subscription of store B. */
    private List<HttpRequest> everyRouteOf(String storeId) {
        String customer = "/admin/stores/" + storeId + "/customers/" + customerB.customerId();
        Map<String, String> json = Map.of("content-type", "application/json");
        return List.of(
                new HttpRequest("GET", "/admin/stores/" + storeId + "/customers", Map.of("q", customerB.email()),
                        Map.of(), null, "198.51.100.1"),
                new HttpRequest("GET", customer, Map.of(), Map.of(), null, "198.51.100.1"),
                new HttpRequest("PUT", customer + "/email", Map.of(), json,
                        Json.write(Map.of("email", "taken." + suffix + "@example.com")), "198.51.100.1"),
                new HttpRequest("POST", customer + "/magic-link", Map.of(), json,
                        Json.write(Map.of("kind", "magic", "send", true)), "198.51.100.1"),
                new HttpRequest("POST", "/admin/stores/" + storeId + "/subscriptions/" + subscriptionB + "/magic-link",
                        Map.of(), json, Json.write(Map.of("kind", "portal")), "198.51.100.1"),
                new HttpRequest("POST", customer + "/revoke", Map.of(), json, "{}", "198.51.100.1"),
                new HttpRequest("POST", customer + "/unlock", Map.of(), json, "{}", "198.51.100.1"),
                new HttpRequest("GET", customer + "/audit", Map.of(), Map.of(), null, "198.51.100.1"));
    }

    @Test
    void aPrincipalOfStoreAIsRefusedOnEveryRouteOfStoreBAndOfAStoreThatDoesNotExist() {
        for (String target : List.of(storeB.storeId(), "no-such-store-" + suffix)) {
            for (HttpRequest request : everyRouteOf(target)) {
                HttpResponse answer = portal.send(request.signedBy(sessionOfRoleA("mallory")));

                assertThat(answer.status()).as(request.method() + " " + request.path()).isEqualTo(403);
                assertThat(json(answer)).containsEntry("error", "forbidden");
            }
        }
        Customer untouched = portal.backend.customers().findCustomer(storeB.storeId(), customerB.customerId())
                .orElseThrow();
        assertThat(untouched).isEqualTo(customerB);
        assertThat(portal.outbox().emailsTo(customerB.email())).isEmpty();
    }

    @Test
    void aPrincipalTheStoreStopsListingLosesAccessAtOnceAndADeletedStoreLeavesNoGrant() {
        HttpRequest stores = new HttpRequest("GET", "/admin/stores", Map.of(), Map.of(), null, "198.51.100.1");
        HttpRequest profile = everyRouteOf(storeB.storeId()).get(1);
        assertThat(portal.send(profile.signedBy(userB)).status()).isEqualTo(200);

        String userC = "arn:aws:iam::" + ACCOUNT + ":user/StoreB-other-" + suffix;
        Store withoutB = new Store(storeB.storeId(), storeB.name(), storeB.portalUrl(), storeB.emailFrom(), "US",
                Set.of("US"), Set.of(userC));
        new Seed(List.of(withoutB), List.of(), List.of()).load(portal.backend.dynamoDb(),
                portal.backend.table("DirectoryTable"));

        assertThat(portal.send(profile.signedBy(userB)).status()).isEqualTo(403);
        assertThat(portal.send(stores.signedBy(userB)).body()).doesNotContain(storeB.storeId());
        assertThat(portal.send(profile.signedBy(userC)).status()).isEqualTo(200);

        assertThat(Seed.removeStore(portal.backend.dynamoDb(), portal.backend.table("DirectoryTable"),
                storeB.storeId())).isTrue();

        assertThat(portal.send(profile.signedBy(userC)).status()).isEqualTo(403);
        assertThat(portal.send(stores.signedBy(userC)).body()).doesNotContain(storeB.storeId());
        assertThat(portal.backend.dynamoDb().query(query -> query.tableName(portal.backend.table("DirectoryTable"))
                .keyConditionExpression("pk = :principal").expressionAttributeValues(Map.of(":principal",
                        AttributeValue.fromS(DirectoryItems.principalPartition(PrincipalArn.parse(userC)
                                .orElseThrow().key()))))).items()).as("no grant left behind").isEmpty();
    }

    @Test
    void theListedPrincipalsActOnTheirStore() {
        for (HttpRequest request : everyRouteOf(storeB.storeId())) {
            HttpResponse answer = portal.send(request.signedBy(userB));

            assertThat(answer.status()).as(request.method() + " " + request.path() + ": " + answer.body())
                    .isBetween(200, 201);
        }
    }

    @Test
    void anAssumedRoleSessionActsAsItsRoleAndTheAuditNamesRoleAndSession() {
        Customer customerA = portal.newCustomer(storeA, false);
        String customer = "/admin/stores/" + storeA.storeId() + "/customers/" + customerA.customerId();

        HttpResponse link = portal.send(new HttpRequest("POST", customer + "/magic-link", Map.of(),
                Map.of("content-type", "application/json"), Json.write(Map.of("agentId", "alice-typed")),
                portal.sourceIp()).signedBy(sessionOfRoleA("alice@example.com")));
        HttpResponse audit = portal.send(new HttpRequest("GET", customer + "/audit", Map.of(), Map.of(), null,
                portal.sourceIp()).signedBy(sessionOfRoleA("bob@example.com")));

        assertThat(link.status()).isEqualTo(201);
        assertThat(audit.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json(audit).get("entries");
        assertThat(entries).first().satisfies(entry -> {
            assertThat(entry).containsEntry("action", "magic_link_generated");
            Map<String, Object> actor = new java.util.HashMap<>(Map.of("type", "agent", "principal",
                    "arn:aws:iam::" + ACCOUNT + ":role/StoreA-" + suffix, "session", "alice@example.com",
                    "label", "alice-typed"));
            actor.put("reason", null);
            assertThat(entry.get("actor")).isEqualTo(actor);
        });
    }

    @Test
    void theStoreListHoldsOnlyTheCallersStoresAndNamesTheCaller() {
        HttpResponse stores = portal.send(new HttpRequest("GET", "/admin/stores", Map.of(), Map.of(), null,
                portal.sourceIp()).signedBy(sessionOfRoleA("alice@example.com")));

        assertThat(stores.status()).isEqualTo(200);
        assertThat(json(stores).get("stores")).isEqualTo(List.of(Map.of("storeId", storeA.storeId(),
                "name", storeA.name())));
        @SuppressWarnings("unchecked")
        Map<String, Object> caller = (Map<String, Object>) json(stores).get("caller");
        assertThat(caller).containsEntry("type", "agent")
                .containsEntry("principal", "arn:aws:iam::" + ACCOUNT + ":role/StoreA-" + suffix)
                .containsEntry("session", "alice@example.com");
    }

    @Test
    void aRequestWithoutAnIamCallerNeverReachesAStore() {
        ApiGatewayEmulator unsigned = portal.api;
        String path = "/admin/stores/" + storeB.storeId() + "/customers/" + customerB.customerId();
        unsigned.actingAs(null);
        HttpResponse atTheGateway = unsigned.handle(new HttpRequest("GET", path, Map.of(), Map.of(), null,
                portal.sourceIp()));
        Map<String, Object> eventWithoutCaller = Map.of("version", "2.0",
                "routeKey", "GET /admin/stores/{storeId}/customers/{customerId}", "rawPath", path,
                "pathParameters", Map.of("storeId", storeB.storeId(), "customerId", customerB.customerId()),
                "requestContext", Map.of("http", Map.of("method", "GET", "path", path, "sourceIp", "192.0.2.1")));
        @SuppressWarnings("unchecked")
        Map<String, Object> atTheFunction = (Map<String, Object>) ApiGatewayEmulator.invoke(
                portal.api.handler("SupportLookupFunction"), eventWithoutCaller);

        assertThat(atTheGateway.status()).isEqualTo(403);
        assertThat(atTheFunction.get("statusCode")).isEqualTo(403);
        assertThat((String) atTheFunction.get("body")).contains("\"forbidden\"");
    }

    @Test
    void aCallerThatIsNeitherARoleNorAUserIsRefused() {
        HttpResponse root = portal.send(new HttpRequest("GET", "/admin/stores/" + storeB.storeId() + "/customers",
                Map.of("q", "jane"), Map.of(), null, portal.sourceIp()).signedBy("arn:aws:iam::" + ACCOUNT + ":root"));

        assertThat(root.status()).isEqualTo(403);
    }
}
