package dev.portallogin.it;

import static dev.portallogin.it.support.Portal.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.adapter.dynamodb.DirectoryItems;
import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.core.json.Json;
import dev.portallogin.it.support.AwsBackend;
import dev.portallogin.it.support.FaultProxy;
import dev.portallogin.it.support.Figures;
import dev.portallogin.it.support.Portal;
import dev.portallogin.tools.ApiGatewayEmulator.HttpRequest;
import dev.portallogin.tools.ApiGatewayEmulator.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A store of 10,000 customers, and the items each support search and each session read makes DynamoDB read,
 * counted from the answers the emulator gave (through a proxy between the functions and the emulator): a key
 * lookup reads one item, a query reads its {@code ScannedCount}. Nothing may scan, and no call may read more than
 * 25 items, however large the store.
 */
class BoundedReadsIT {

    private static final int CUSTOMERS = 10_000;
    private static final int MAX_ITEMS = 25;
    private static final String[] FIRST = {"Jane", "John", "Maria", "José", "Wei", "Aisha", "Liam", "Olivia", "Noah",
        "Emma", "Lucas", "Mia", "Ethan", "Sofia", "Mateo", "Chloé", "Arjun", "Yuki", "Omar", "Zoe"};
    private static final String[] LAST = {"Doe", "Smith", "García", "Nguyen", "Kim", "Müller", "Rossi", "Dubois",
        "Silva", "Khan", "Novak", "Cohen", "Okafor", "Larsen", "Tanaka", "Ivanov", "Patel", "Brown", "Lee", "Quinn"};

    private static FaultProxy proxy;
    private static Portal portal;
    private static Store store;
    private static final List<Customer> customers = new ArrayList<>();
    private static final Map<String, Integer> figures = new LinkedHashMap<>();

    @BeforeAll
    static void aStoreOfTenThousandCustomers() throws IOException {
        AwsBackend backend = AwsBackend.isolated();
        proxy = FaultProxy.in(URI.create(backend.awsEnvironment().get("AWS_ENDPOINT_URL")));
        portal = new Portal(backend, Map.of("AWS_ENDPOINT_URL", proxy.endpoint().toString()));
        store = portal.newStore("US");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String first = FIRST[i % FIRST.length];
            String last = LAST[(i / FIRST.length) % LAST.length];
            Customer customer = new Customer(store.storeId(), String.format("c-%05d", i),
                    "customer" + i + "." + store.storeId() + "@example.com", i % 3 == 0 ? Portal.uniqueUsNumber() : null,
                    first, last, false, null);
            customers.add(customer);
            items.add(DirectoryItems.customerItem(customer));
            items.add(DirectoryItems.ownerEntry(store.storeId(), DirectoryItems.EMAIL_PREFIX
                    + customer.email().toLowerCase(), customer.customerId()));
            if (customer.phoneE164() != null) {
                items.add(DirectoryItems.ownerEntry(store.storeId(), DirectoryItems.PHONE_PREFIX + customer.phoneE164(),
                        customer.customerId()));
            }
            if (i % 100 == 0) {
                for (int s = 0; s < 3; s++) {
                    items.add(DirectoryItems.subscriptionItem(new Subscription(store.storeId(),
                            String.format("sub-%05d-%d", i, s), customer.customerId(), "active")));
                }
            }
        }
        for (int start = 0; start < items.size(); start += 25) {
            List<WriteRequest> batch = items.subList(start, Math.min(items.size(), start + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            var unprocessed = backend.dynamoDb().batchWriteItem(request -> request.requestItems(
                    Map.of(backend.table("DirectoryTable"), batch))).unprocessedItems();
            assertThat(unprocessed).isEmpty();
        }
    }

    @AfterAll
    static void figures() {
        proxy.close();
        Figures.record("Reads bounded by the term, never by the store (10,000 customers)",
                "BoundedReadsIT", figures.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                        .reduce((a, b) -> a + "; " + b).orElse("") + " items read (limit " + MAX_ITEMS + "); 0 scans");
    }

    /** Items DynamoDB read for the calls recorded since {@link FaultProxy#record()}. */
    @SuppressWarnings("unchecked")
    private static int itemsRead() throws IOException {
        int items = 0;
        for (FaultProxy.Call call : proxy.recorded()) {
            assertThat(call.operation()).as("no call reads a whole table").isNotEqualTo("dynamodb:Scan");
            Map<String, Object> answer = call.response().isEmpty() ? Map.of()
                    : (Map<String, Object>) Json.parse(call.response());
            switch (call.operation()) {
                case "dynamodb:GetItem" -> items += 1;
                case "dynamodb:Query" -> {
                    assertThat(call.request()).as("no query filters what it read").doesNotContain("FilterExpression");
                    items += ((Number) answer.get("ScannedCount")).intValue();
                }
                case "dynamodb:BatchGetItem" -> items += ((Map<String, List<?>>) answer.get("Responses")).values()
                        .stream().mapToInt(List::size).sum();
                default -> {
                    // Writes read nothing a caller is charged for beyond their own keys.
                }
            }
        }
        return items;
    }

    private static List<Object> search(String label, String term) throws IOException {
        proxy.record();
        HttpResponse answer = portal.get("/admin/stores/" + store.storeId() + "/customers", Map.of("q", term));
        int read = itemsRead();
        figures.put(label, read);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(read).as("items read searching by " + label).isLessThanOrEqualTo(MAX_ITEMS);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) json(answer).get("customers");
        return found.stream().map(customer -> customer.get("customerId")).toList();
    }

    @Test
    void everySearchReadsAtMostTwentyFiveItems() throws IOException {
        Customer byEmail = customers.get(5_001);
        Customer byPhone = customers.get(3_000);
        String national = "(" + byPhone.phoneE164().substring(2, 5) + ") " + byPhone.phoneE164().substring(5, 8) + "-"
                + byPhone.phoneE164().substring(8);

        assertThat(search("exact email", byEmail.email().toUpperCase())).containsExactly(byEmail.customerId());
        assertThat(search("phone", national)).containsExactly(byPhone.customerId());
        assertThat(search("customer id", "c-07777")).containsExactly("c-07777");
        assertThat(search("subscription id", "sub-04200-1")).containsExactly("c-04200");
        assertThat(search("first-name prefix shared by 500", "jo")).hasSizeBetween(10, 20)
                .allSatisfy(id -> assertThat(customers.get(Integer.parseInt(((String) id).substring(2))).firstName())
                        .isIn("John", "José"));
        List<Object> garcia = search("full name", "Maria Garcia");
        assertThat(garcia).isNotEmpty().allSatisfy(id -> assertThat(customers.get(
                Integer.parseInt(((String) id).substring(2)))).extracting(Customer::firstName, Customer::lastName)
                .containsExactly("Maria", "García"));
    }

    @Test
    void aSessionReadsOnlyItsOwnCustomerAndSubscriptions() throws IOException {
        Customer customer = customers.get(4_200);
        String code = portal.emailedCode(store, customer);
        String cookie = portal.verifyCode(store, customer.email(), code).cookies().get(0).split(";")[0];

        proxy.record();
        HttpResponse session = Portal.seen(portal.api.handle(new HttpRequest("GET", "/session", Map.of(),
                Map.of("cookie", cookie), null, portal.sourceIp())));
        int read = itemsRead();
        figures.put("session", read);

        assertThat(session.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> subscriptions = (List<Map<String, Object>>) json(session).get("subscriptions");
        assertThat(subscriptions).extracting(subscription -> subscription.get("subscriptionId"))
                .containsExactlyInAnyOrder("sub-04200-0", "sub-04200-1", "sub-04200-2");
        assertThat(read).isLessThanOrEqualTo(MAX_ITEMS);
        assertThat(Set.copyOf(proxy.recorded().stream().map(FaultProxy.Call::operation).toList()))
                .doesNotContain("dynamodb:Scan");
    }
}
