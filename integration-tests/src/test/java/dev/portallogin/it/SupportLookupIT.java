package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Dashboard.Answer;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Portal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard picks a store, searches customers by email, phone or name, and opens one. */
class SupportLookupIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Answer answer, String field) {
        return (List<Map<String, Object>>) answer.document().get(field);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void theStoreListIncludesEveryStore(CallingStyle style) {
        Answer stores = new Dashboard(portal, style).stores().hasStatus(200);

        assertThat(list(stores, "stores")).extracting(entry -> entry.get("storeId")).contains(store.storeId());
    }

    private List<Object> found(Dashboard dashboard, String query) {
        return list(dashboard.search(store.storeId(), query).hasStatus(200), "customers").stream()
                .map(entry -> entry.get("customerId")).toList();
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void customersAreFoundByExactEmailPhoneOrIdsAndByAPrefixOfTheirName(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        String phone = Portal.uniqueUsNumber();
        Customer jose = portal.addCustomer(new Customer(store.storeId(), "c-jose-" + style,
                "jose." + style + "." + store.storeId() + "@example.com", phone, "José", "Díaz", false, null));
        Customer quinn = portal.addCustomer(new Customer(store.storeId(), "c-quinn-" + style, "zed@example.org", null,
                "Zed", "Quinn", false, null));
        var subscription = portal.addSubscription(quinn);
        String national = "(" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8);

        assertThat(found(dashboard, jose.email().toUpperCase())).containsExactly(jose.customerId());
        assertThat(found(dashboard, national)).containsExactly(jose.customerId());
        assertThat(found(dashboard, jose.customerId())).containsExactly(jose.customerId());
        assertThat(found(dashboard, subscription.subscriptionId())).containsExactly(quinn.customerId());
        assertThat(found(dashboard, "QUIN")).containsExactly(quinn.customerId());
        assertThat(found(dashboard, "jose d")).containsExactly(jose.customerId());
        assertThat(found(dashboard, "diaz jo")).containsExactly(jose.customerId());
        assertThat(found(dashboard, "Zed Quinn")).containsExactly(quinn.customerId());
        assertThat(found(dashboard, jose.email().substring(0, 8))).as("part of an email finds nothing").isEmpty();
        dashboard.search(store.storeId(), "q").hasError(400, "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aCustomerOpensWithContactDetailsDeliverabilityAndSubscriptions(CallingStyle style) {
        Customer noEmail = portal.addCustomer(store, "c-noemail-" + style, null, null);
        var subscription = portal.addSubscription(noEmail);

        Answer view = new Dashboard(portal, style).customer(store.storeId(), noEmail.customerId()).hasStatus(200);

        assertThat(view.document()).containsEntry("customerId", noEmail.customerId())
                .containsEntry("email", null).containsEntry("deliverableEmail", false);
        assertThat(list(view, "subscriptions")).extracting(entry -> entry.get("subscriptionId"))
                .containsExactly(subscription.subscriptionId());
        new Dashboard(portal, style).customer(store.storeId(), "nobody").hasError(404, "customer_not_found");
    }

    /** Only direct invocations name an action; over HTTP the route is the action. */
    @Test
    void unknownDirectActionsAreInvalidRequests() {
        for (String function : java.util.List.of("UpdateEmailFunction", "SupportLookupFunction")) {
            new Dashboard(portal, CallingStyle.DIRECT).raw(function, request("action", "drop-tables",
                    "storeId", store.storeId(), "customerId", "c", "agentId", "a-1")).hasError(400, "invalid_request");
        }
    }
}
