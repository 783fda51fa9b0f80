package dev.portallogin.it;

import static dev.portallogin.it.support.Dashboard.request;
import static dev.portallogin.it.support.Dashboard.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallogin.core.domain.Customer;
import dev.portallogin.core.domain.Store;
import dev.portallogin.core.domain.Subscription;
import dev.portallogin.it.support.Dashboard;
import dev.portallogin.it.support.Dashboard.Answer;
import dev.portallogin.it.support.Dashboard.CallingStyle;
import dev.portallogin.it.support.Outbox;
import dev.portallogin.it.support.Portal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A support agent gets magic and portal links for a customer, over HTTP and by direct invocation. */
class SupportLinksIT {

    private final Portal portal = new Portal();
    private final Store store = portal.newStore("US");

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aMagicLinkByCustomerIdSignsTheCustomerInOnce(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        Dashboard dashboard = new Dashboard(portal, style);

        Answer link = dashboard.magicLink(request("storeId", store.storeId(), "customerId", customer.customerId(),
                "agentId", "agent-7")).hasStatus(201);

        assertThat(link.document()).containsEntry("kind", "magic").containsEntry("customerId", customer.customerId())
                .containsEntry("emailSent", false);
        assertThat(link.string("url")).startsWith(store.portalUrl() + "/login/magic?token=");
        assertThat(Instant.parse(link.string("expiresAt"))).isEqualTo(portal.clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(portal.outbox().emailsTo(customer.email())).isEmpty();
        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(200);
        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aSubscriptionResolvesToItsCustomer(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        Subscription subscription = portal.addSubscription(customer);

        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "subscriptionId", subscription.subscriptionId(), "agentId", "agent-7")).hasStatus(201);

        assertThat(link.document()).containsEntry("customerId", customer.customerId());
        var session = Portal.json(portal.consumeLink(token(link.string("url"))));
        assertThat(session).containsEntry("customerId", customer.customerId());
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void sendEmailsTheLinkToTheAddressOnFileOnly(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);

        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "customerId", customer.customerId(), "agentId", "agent-7", "send", true, "email", "evil@example.com"))
                .hasStatus(201);

        assertThat(link.document()).containsEntry("emailSent", true);
        Outbox.Email email = portal.outbox().lastEmailTo(customer.email());
        assertThat(email.magicLink()).contains(link.string("url"));
        assertThat(portal.outbox().emailsTo("evil@example.com")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void aPortalLinkIsTheLoginPageWithoutCredentialAndNeedsNoEmail(CallingStyle style) {
        Customer noEmail = portal.addCustomer(store, "c-" + store.storeId(), null, Portal.uniqueUsNumber());

        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "customerId", noEmail.customerId(), "agentId", "agent-7", "kind", "portal")).hasStatus(200);

        assertThat(link.document()).containsEntry("kind", "portal").containsEntry("url", store.portalUrl() + "/login?store=" + store.storeId())
                .containsEntry("expiresAt", null).containsEntry("customerId", noEmail.customerId());
        assertThat(link.document()).containsOnlyKeys("kind", "url", "expiresAt", "customerId");
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void noMagicLinkWithoutAValidEmailAndTheMessageSaysWhatToDo(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        Customer missing = portal.addCustomer(store, "missing-" + style, null, null);
        Customer invalid = portal.addCustomer(store, "invalid-" + style, "not-an-address", null);
        Customer bouncing = portal.addCustomer(new Customer(store.storeId(), "bouncing-" + style,
                "bounce." + style + "." + store.storeId() + "@example.com", null, "Bo", "Unce", true, null));

        for (Customer customer : new Customer[] {missing, invalid, bouncing}) {
            Answer refused = dashboard.magicLink(request("storeId", store.storeId(),
                    "customerId", customer.customerId(), "agentId", "agent-7"));
            refused.hasError(422, "no_valid_email");
            assertThat(refused.string("message")).contains("email", "profile");
        }
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void unknownIdsAreNotFound(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);

        dashboard.magicLink(request("storeId", store.storeId(), "customerId", "nobody", "agentId", "a"))
                .hasError(404, "customer_not_found");
        dashboard.magicLink(request("storeId", store.storeId(), "subscriptionId", "sub-none", "agentId", "a"))
                .hasError(404, "subscription_not_found");
        if (style == CallingStyle.HTTP) {
            // An agent cannot tell a store that does not exist from one they may not act on.
            dashboard.magicLink(request("storeId", "no-store", "customerId", "c", "agentId", "a"))
                    .hasError(403, "forbidden");
        } else {
            dashboard.magicLink(request("storeId", "no-store", "customerId", "c", "agentId", "a"))
                    .hasError(404, "unknown_store");
        }
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void malformedRequestsAreInvalidRequest(CallingStyle style) {
        Dashboard dashboard = new Dashboard(portal, style);
        String storeId = store.storeId();

        dashboard.magicLink(request("storeId", storeId, "customerId", "c", "agentId", "a", "kind", "forever"))
                .hasError(400, "invalid_request");
        dashboard.magicLink(request("storeId", storeId, "customerId", "c", "agentId", "a", "send", "yes"))
                .hasError(400, "invalid_request");
        dashboard.magicLink(request("storeId", storeId, "customerId", "c", "agentId", "../a"))
                .hasError(400, "invalid_request");
    }

    @Test
    void aDirectPayloadNamesExactlyOneCustomerOrSubscriptionAndTheAgent() {
        Dashboard dashboard = new Dashboard(portal, CallingStyle.DIRECT);
        String storeId = store.storeId();

        dashboard.magicLink(request("storeId", storeId, "agentId", "a")).hasError(400, "invalid_request");
        dashboard.magicLink(request("storeId", storeId, "customerId", "c", "subscriptionId", "s", "agentId", "a"))
                .hasError(400, "invalid_request");
        dashboard.magicLink(request("storeId", storeId, "customerId", "c")).hasError(400, "invalid_request");
        dashboard.magicLink(request("storeId", storeId, "customerId", "../c", "agentId", "a"))
                .hasError(400, "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void anAgentLinkLivesBesideTheCustomersOwnLink(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        String customerToken = portal.emailedLinkToken(store, customer);

        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "customerId", customer.customerId(), "agentId", "agent-7")).hasStatus(201);

        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(200);
        assertThat(portal.consumeLink(customerToken).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(CallingStyle.class)
    void agentLinksExpireAfterTenMinutes(CallingStyle style) {
        Customer customer = portal.newCustomer(store, false);
        Answer link = new Dashboard(portal, style).magicLink(request("storeId", store.storeId(),
                "customerId", customer.customerId(), "agentId", "agent-7"));

        portal.clock.advance(Duration.ofMinutes(10));

        assertThat(portal.consumeLink(token(link.string("url"))).status()).isEqualTo(401);
    }
}
